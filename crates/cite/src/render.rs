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
            let text = escape_markdown(&run.text);
            if run.link.is_some() {
                out.push_str(&format!("<{}>", run.text.replace(['<', '>', ' '], "")));
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

fn is_web(url: &str) -> bool {
    url.starts_with("https://") || url.starts_with("http://")
}

fn split_space(s: &str) -> (&str, &str, &str) {
    let start = s.len() - s.trim_start().len();
    let end = s.trim_end().len().max(start);
    (&s[..start], &s[start..end], &s[end..])
}

/// Backslash-escapes what Markdown would take for emphasis, links, code or HTML.
pub fn escape_markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '|' | '~'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
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
    let items: Vec<Item> = cites
        .iter()
        .map(|c| {
            serde_json::from_value(for_rendering(&c.item))
                .unwrap_or_else(|_| Item(Default::default()))
        })
        .collect();
    // Equal items must be the same entry for "ibid." and for the bibliography.
    let mut unique: Vec<&Item> = Vec::new();
    for item in &items {
        if !unique.contains(&item) {
            unique.push(item);
        }
    }
    let locale_files = locales();
    let pages: Vec<String> = cites
        .iter()
        .map(|c| match c.locator {
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
                &locale_files,
                None,
            ));
        }
        for (i, (cite, item)) in cites.iter().zip(&items).enumerate() {
            let entry = unique.iter().find(|u| **u == item).copied().unwrap_or(item);
            let locator = cite.locator.map(|l| {
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
                &locale_files,
                Some(i + 1),
            ));
        }
        let mut rendered = driver.finish(BibliographyRequest::new(&style.csl, None, &locale_files));
        rendered.citations.drain(..first.len());
        rendered
    };
    let mut rendered = run(&[]);
    if !style.is_note_style() && unique.len() > 1 {
        if let Some(bib) = &rendered.bibliography {
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
                rendered = run(&order);
            }
        }
    }
    let citations = rendered
        .citations
        .iter()
        .map(|c| rich(&c.citation))
        .collect();
    let bibliography = rendered
        .bibliography
        .map(|b| {
            b.items
                .iter()
                .map(|item| {
                    let mut out = Rich::default();
                    if let Some(first) = &item.first_field {
                        walk(first, Style::default(), &mut out.0);
                        out.0.push(Run {
                            text: " ".into(),
                            ..Run::default()
                        });
                    }
                    out.0.extend(rich(&item.content).0);
                    tidy(out)
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

/// A report number such as "21-5" is a name, not a range of numbers: its hyphen
/// becomes a non-breaking hyphen (which looks the same) so the style neither
/// writes "Nos." nor turns it into an en dash.
fn for_rendering(item: &serde_json::Value) -> serde_json::Value {
    let mut item = item.clone();
    if let Some(serde_json::Value::String(n)) = item.get_mut("number") {
        *n = n.replace('-', "\u{2011}");
    }
    item
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
