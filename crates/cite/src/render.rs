//! CSL rendering with hayagriva: in-text citations (or notes) and bibliographies,
//! turned into formatted runs that each export writes in its own syntax, escaping
//! every piece of text from the source on the way.

use hayagriva::archive::locales;
use hayagriva::citationberg::json::Item;
use hayagriva::citationberg::taxonomy::Locator as CslLocator;
use hayagriva::citationberg::{FontStyle, FontVariant, FontWeight, VerticalAlign};
use hayagriva::{
    BibliographyDriver, BibliographyRequest, CitationItem, CitationRequest, ElemChild,
    ElemChildren, LocatorPayload, SpecificLocator,
};

use crate::escape::is_web;
use crate::CitationStyle;

/// Where in a work a quote is: the page of a PDF, the paragraph of a web text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Locator {
    Page(u32),
    Paragraph(u32),
}

impl Locator {
    /// Pandoc's spelling inside `[@key, ...]`.
    pub fn pandoc(self) -> String {
        match self {
            Locator::Page(p) => format!("p. {p}"),
            Locator::Paragraph(p) => format!("para. {p}"),
        }
    }
}

/// A piece of rendered text with its formatting.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Run {
    pub text: String,
    pub italic: bool,
    pub bold: bool,
    pub small_caps: bool,
    pub superscript: bool,
    /// Set on a link's anchor text.
    pub link: Option<String>,
}

/// Rendered text: a citation, a note or a bibliography entry.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Rich(pub Vec<Run>);

impl Rich {
    pub fn plain(&self) -> String {
        self.0.iter().map(|r| r.text.as_str()).collect()
    }

    pub fn html(&self) -> String {
        let mut out = String::new();
        for run in &self.0 {
            let mut text = crate::html::escape(&run.text);
            if run.italic {
                text = format!("<i>{text}</i>");
            }
            if run.bold {
                text = format!("<b>{text}</b>");
            }
            if run.small_caps {
                text = format!("<span style=\"font-variant: small-caps\">{text}</span>");
            }
            if run.superscript {
                text = format!("<sup>{text}</sup>");
            }
            match run.link.as_deref().filter(|u| is_web(u)) {
                Some(url) => out.push_str(&format!(
                    "<a href=\"{}\">{text}</a>",
                    crate::html::escape(url)
                )),
                None => out.push_str(&text),
            }
        }
        out
    }

    /// Markdown with emphasis; characters Markdown would read as syntax are
    /// escaped, links are left as text (they read as links in every renderer).
    pub fn markdown(&self) -> String {
        let mut out = String::new();
        for run in &self.0 {
            let text = crate::escape::markdown(&run.text);
            if let Some(url) = run.link.as_deref().filter(|u| is_web(u)) {
                out.push_str(&crate::escape::markdown_autolink(url));
                continue;
            }
            let (lead, core, trail) = split_space(&text);
            out.push_str(lead);
            if core.is_empty() {
            } else if run.italic && run.bold {
                out.push_str(&format!("***{core}***"));
            } else if run.italic {
                out.push_str(&format!("*{core}*"));
            } else if run.bold {
                out.push_str(&format!("**{core}**"));
            } else if run.superscript {
                out.push_str(&format!("^{core}^"));
            } else {
                out.push_str(core);
            }
            out.push_str(trail);
        }
        out
    }
}

fn split_space(s: &str) -> (&str, &str, &str) {
    let start = s.len() - s.trim_start().len();
    let end = s.trim_end().len().max(start);
    (&s[..start], &s[start..end], &s[end..])
}

/// One citation: an item and where in it the quote is.
#[derive(Debug, Clone)]
pub struct Cite {
    pub item: serde_json::Value,
    pub locator: Option<Locator>,
}

/// What a style makes of a list of cites, one citation per cite in order.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    /// In-text citations, or the text of the notes for a note style.
    pub citations: Vec<Rich>,
    /// The bibliography in the style's order, each entry with its label ("[1]")
    /// when the style numbers them.
    pub bibliography: Vec<Rich>,
    pub note_style: bool,
}

/// Renders every cite as its own citation (note `i + 1` in a note style) and the
/// bibliography of all cited works.
pub fn render(style: &CitationStyle, cites: &[Cite]) -> Rendered {
    let values: Vec<serde_json::Value> = cites
        .iter()
        .map(|c| crate::polish::for_rendering(&c.item))
        .collect();
    let item = |v: &serde_json::Value| -> Item {
        serde_json::from_value(v.clone()).unwrap_or_else(|_| Item(Default::default()))
    };
    let items: Vec<Item> = values.iter().map(item).collect();
    // Citations may need items of their own: first authors told apart by their
    // initials, where the style asks for that across the whole document.
    let cite_items: Option<Vec<Item>> = crate::polish::distinguish_first_authors(style, &values)
        .map(|v| v.iter().map(item).collect());
    // A paragraph locator only where the style counts paragraphs.
    let locators: Vec<Option<Locator>> = cites
        .iter()
        .map(|c| match c.locator {
            Some(Locator::Paragraph(_)) if !style.counts_paragraphs() => None,
            other => other,
        })
        .collect();
    let citing = cite_items.as_ref().unwrap_or(&items);
    let rendered = run_driver(style, citing, &locators);
    let bibliography = match &cite_items {
        Some(_) => run_driver(style, &items, &locators).bibliography,
        None => rendered.bibliography.clone(),
    };
    let protected: Vec<_> = values.iter().map(crate::polish::protected_words).collect();
    let none = Default::default();
    let citations = rendered
        .citations
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let words = protected.get(i).unwrap_or(&none);
            crate::polish::polish(rich(&c.citation), style, words)
        })
        .collect();
    let bibliography = bibliography
        .map(|b| {
            b.items
                .iter()
                .map(|item| {
                    let words = values
                        .iter()
                        .position(|v| v.get("id").and_then(|id| id.as_str()) == Some(&item.key))
                        .map(|i| &protected[i])
                        .unwrap_or(&none);
                    let mut out = Rich::default();
                    if let Some(first) = &item.first_field {
                        walk(first, Style::default(), &mut out.0);
                        out.0.push(Run {
                            text: " ".into(),
                            ..Run::default()
                        });
                    }
                    out.0.extend(rich(&item.content).0);
                    crate::polish::polish(tidy(out), style, words)
                })
                .collect()
        })
        .unwrap_or_default();
    Rendered {
        citations,
        bibliography,
        note_style: style.is_note_style(),
    }
}

/// hayagriva's locale files, read once: decoding them all costs more than
/// rendering a citation.
fn locale_files() -> &'static [hayagriva::citationberg::Locale] {
    static LOCALES: std::sync::OnceLock<Vec<hayagriva::citationberg::Locale>> =
        std::sync::OnceLock::new();
    LOCALES.get_or_init(locales)
}

/// One run of hayagriva over the cites, in order, with the bibliography.
fn run_driver(
    style: &CitationStyle,
    items: &[Item],
    locators: &[Option<Locator>],
) -> hayagriva::Rendered {
    // Equal items must be the same entry for "ibid." and for the bibliography.
    let mut unique: Vec<&Item> = Vec::new();
    for item in items {
        if !unique.contains(&item) {
            unique.push(item);
        }
    }
    let locale_files = locale_files();
    let pages: Vec<String> = locators
        .iter()
        .map(|l| match l {
            Some(Locator::Page(p)) | Some(Locator::Paragraph(p)) => p.to_string(),
            None => String::new(),
        })
        .collect();
    let run = |first: &[&Item]| {
        let mut driver = BibliographyDriver::new();
        // Works registered ahead of the real citations, hidden: the letters that
        // tell apart one author's works of one year ("2020a") are handed out in
        // order of first citation, and the styles want them in the order of the
        // bibliography.
        for &entry in first {
            driver.citation(CitationRequest::new(
                vec![CitationItem::new(entry, None, None, true, None)],
                &style.csl,
                None,
                locale_files,
                None,
            ));
        }
        for (i, item) in items.iter().enumerate() {
            let entry = unique.iter().find(|u| **u == item).copied().unwrap_or(item);
            let locator = locators[i].map(|l| {
                let kind = match l {
                    Locator::Page(_) => CslLocator::Page,
                    Locator::Paragraph(_) => CslLocator::Paragraph,
                };
                SpecificLocator(kind, LocatorPayload::Str(&pages[i]))
            });
            driver.citation(CitationRequest::new(
                vec![CitationItem::with_locator(entry, locator)],
                &style.csl,
                None,
                locale_files,
                Some(i + 1),
            ));
        }
        let mut rendered = driver.finish(BibliographyRequest::new(&style.csl, None, locale_files));
        rendered.citations.drain(..first.len());
        rendered
    };
    let rendered = run(&[]);
    if style.is_note_style() || unique.len() < 2 {
        return rendered;
    }
    let Some(bib) = &rendered.bibliography else {
        return rendered;
    };
    let order: Vec<&Item> = bib
        .items
        .iter()
        .filter_map(|b| {
            unique
                .iter()
                .find(|u| u.id().as_deref() == Some(b.key.as_str()))
        })
        .copied()
        .collect();
    if order.len() == unique.len() {
        run(&order)
    } else {
        rendered
    }
}

#[derive(Debug, Clone, Copy, Default)]
struct Style {
    italic: bool,
    bold: bool,
    small_caps: bool,
    superscript: bool,
}

fn rich(children: &ElemChildren) -> Rich {
    let mut runs = Vec::new();
    for child in &children.0 {
        walk(child, Style::default(), &mut runs);
    }
    tidy(Rich(runs))
}

fn walk(child: &ElemChild, _outer: Style, out: &mut Vec<Run>) {
    let style_of = |f: &hayagriva::Formatting| Style {
        italic: f.font_style == FontStyle::Italic,
        bold: f.font_weight == FontWeight::Bold,
        small_caps: f.font_variant == FontVariant::SmallCaps,
        superscript: f.vertical_align == VerticalAlign::Sup,
    };
    match child {
        ElemChild::Text(t) => {
            let s = style_of(&t.formatting);
            out.push(Run {
                text: t.text.clone(),
                italic: s.italic,
                bold: s.bold,
                small_caps: s.small_caps,
                superscript: s.superscript,
                link: None,
            });
        }
        ElemChild::Elem(e) => {
            for c in &e.children.0 {
                walk(c, _outer, out);
            }
        }
        // Typst markup is not ours to interpret: kept as text.
        ElemChild::Markup(m) => out.push(Run {
            text: m.clone(),
            ..Run::default()
        }),
        ElemChild::Link { text, url } => {
            let s = style_of(&text.formatting);
            out.push(Run {
                text: text.text.clone(),
                italic: s.italic,
                bold: s.bold,
                small_caps: s.small_caps,
                superscript: s.superscript,
                link: Some(url.clone()),
            });
        }
        ElemChild::Transparent { .. } => {}
    }
}

/// Joins neighbouring runs of the same formatting and collapses the doubled
/// spaces some styles leave where an empty part was skipped.
fn tidy(rich: Rich) -> Rich {
    let mut out: Vec<Run> = Vec::new();
    for run in rich.0 {
        if run.text.is_empty() {
            continue;
        }
        match out.last_mut() {
            Some(last)
                if last.link.is_none()
                    && run.link.is_none()
                    && last.italic == run.italic
                    && last.bold == run.bold
                    && last.small_caps == run.small_caps
                    && last.superscript == run.superscript =>
            {
                last.text.push_str(&run.text)
            }
            _ => out.push(run),
        }
    }
    for run in &mut out {
        while run.text.contains("  ") {
            run.text = run.text.replace("  ", " ");
        }
    }
    let mut rich = Rich(out);
    // A space before a semicolon comes from an empty date part (NLM's
    // "2020 ;12"); the style's rule is "2020;12".
    for run in &mut rich.0 {
        run.text = run.text.replace(" ;", ";");
    }
    if let Some(last) = rich.0.last_mut() {
        let trimmed = last.text.trim_end().len();
        last.text.truncate(trimmed);
    }
    rich
}
