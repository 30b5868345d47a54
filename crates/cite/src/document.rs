//! An export: quotes (optionally under section headings), each cited, then the
//! notes and the bibliography; written at once as Markdown, HTML, plain text and
//! Pandoc Markdown so every path (clipboard, file, CLI) says the same thing.
//!
//! Without a style a quote is followed by the house attribution line (authors,
//! title, site, date, link to the passage). With a style it is cited the style's
//! way, as the style guides say for block quotations: the in-text citation after
//! the quote's final punctuation, or a note number, and the reference list; the
//! link is added only when the writer asks for it.
//!
//! Every string from a source is cleaned of control characters before any
//! layout is added, then escaped by each format's own escaper (`escape`).

use crate::escape;
use crate::render::{render, Cite, Rendered, Rich};
use crate::{Attribution, CitationStyle, Quote, Section, Template};
use model::SourceMeta;

/// What an export should contain beyond the quotes and their attribution.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options<'a> {
    /// The style for citations; none gives the attribution line alone.
    pub style: Option<&'a CitationStyle>,
    /// Add the bibliography of the cited works at the end.
    pub bibliography: bool,
    /// With a style: add each quote's link (to the passage, for web pages).
    pub link: bool,
    /// The bibliography file a Pandoc export names in its front matter; without
    /// one, the references go into the front matter itself.
    pub pandoc_bibliography: Option<&'a str>,
    /// The style file (a path or an address) a Pandoc export names as `csl:`.
    pub pandoc_csl: Option<&'a str>,
    /// A writer's template replaces the Markdown and plain-text layout.
    pub template: Option<&'a Template>,
}

/// Every format of one export.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Outputs {
    pub markdown: String,
    pub html: String,
    pub text: String,
    /// Pandoc Markdown: `[@key, p. 4]` citations for `pandoc --citeproc`.
    pub pandoc: String,
}

/// Where a quote's citation went: in the text, or to a numbered note.
struct Cited {
    inline: Option<Rich>,
    note: Option<usize>,
}

/// A quote's text and source with every control character removed, owned so the
/// quotes handed to the formats can borrow from it.
struct Cleaned {
    text: String,
    meta: SourceMeta,
    key: String,
    note: String,
    tags: Vec<String>,
    prefix: String,
    suffix: String,
}

impl Cleaned {
    fn of(q: &Quote<'_>) -> Cleaned {
        let (prefix, suffix) = q
            .fragment
            .map(|f| (escape::clean(f.prefix), escape::clean(f.suffix)))
            .unwrap_or_default();
        Cleaned {
            text: escape::clean(q.text).trim().to_owned(),
            meta: clean_meta(q.meta),
            key: citation_key(q.key),
            note: escape::clean(q.note),
            tags: q.tags.iter().map(|t| escape::clean_inline(t)).collect(),
            prefix,
            suffix,
        }
    }

    fn quote<'a>(&'a self, original: &Quote<'_>) -> Quote<'a> {
        Quote {
            text: &self.text,
            meta: &self.meta,
            kind: original.kind,
            key: &self.key,
            page: original.page,
            paragraph: original.paragraph,
            fragment: original.fragment.map(|f| crate::Fragment {
                quote: &self.text,
                prefix: &self.prefix,
                suffix: &self.suffix,
                repeated: f.repeated,
            }),
            note: &self.note,
            tags: &self.tags,
        }
    }
}

/// Every text field of the metadata on one line, without control characters.
fn clean_meta(meta: &SourceMeta) -> SourceMeta {
    fn walk(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::String(s) => *s = escape::clean_inline(s),
            serde_json::Value::Array(items) => items.iter_mut().for_each(walk),
            serde_json::Value::Object(map) => map.values_mut().for_each(walk),
            _ => {}
        }
    }
    let Ok(mut value) = serde_json::to_value(meta) else {
        return meta.clone();
    };
    walk(&mut value);
    serde_json::from_value(value).unwrap_or_else(|_| meta.clone())
}

/// Exports quotes under an optional title and section headings.
pub fn export(
    title: Option<&str>,
    sections: &[Section<'_>],
    opts: &Options<'_>,
) -> Result<Outputs, crate::TemplateError> {
    let sections: Vec<&Section<'_>> = sections.iter().filter(|s| !s.quotes.is_empty()).collect();
    let cleaned: Vec<Vec<Cleaned>> = sections
        .iter()
        .map(|s| s.quotes.iter().map(Cleaned::of).collect())
        .collect();
    let groups: Vec<(String, Vec<Quote<'_>>)> = sections
        .iter()
        .zip(&cleaned)
        .map(|(s, clean)| {
            let quotes = s
                .quotes
                .iter()
                .zip(clean)
                .map(|(q, c)| c.quote(q))
                .collect();
            (escape::clean_inline(&s.heading), quotes)
        })
        .collect();
    let quotes: Vec<&Quote<'_>> = groups.iter().flat_map(|(_, q)| q.iter()).collect();
    let items: Vec<serde_json::Value> = quotes
        .iter()
        .map(|q| crate::csl_json::item(q.meta, q.kind, q.key))
        .collect();
    let rendered = match opts.style {
        Some(style) => {
            let cites: Vec<Cite> = quotes
                .iter()
                .zip(&items)
                .map(|(q, item)| Cite {
                    item: item.clone(),
                    locator: q.locator_in(style),
                })
                .collect();
            render(style, &cites)
        }
        None => Rendered::default(),
    };
    let cited: Vec<Cited> = (0..quotes.len())
        .map(|i| {
            let rich = rendered.citations.get(i).cloned();
            match rendered.note_style {
                true => Cited {
                    inline: None,
                    note: rich.map(|_| i + 1),
                },
                false => Cited {
                    inline: rich,
                    note: None,
                },
            }
        })
        .collect();
    let notes: Vec<&Rich> = if rendered.note_style {
        rendered.citations.iter().collect()
    } else {
        Vec::new()
    };
    let bibliography: &[Rich] = if opts.bibliography {
        &rendered.bibliography
    } else {
        &[]
    };
    let heading = opts
        .style
        .map(CitationStyle::bibliography_heading)
        .unwrap_or("References");

    let mut out = Writer::default();
    out.pandoc.push_str(&front_matter(opts, &quotes, &items));
    if let Some(title) = title.map(escape::clean_inline).filter(|t| !t.is_empty()) {
        out.heading(1, &title);
    }
    let mut index = 0;
    let (mut template_text, mut template_md) = (String::new(), String::new());
    for (heading_text, quotes) in &groups {
        if !heading_text.is_empty() {
            out.heading(2, heading_text);
            template_text.push_str(&format!("{}\n\n", heading_text.to_uppercase()));
            template_md.push_str(&format!("## {}\n\n", escape::markdown(heading_text)));
        }
        for quote in quotes {
            let c = &cited[index];
            index += 1;
            let attribution = Attribution::of(quote);
            match opts.style {
                Some(_) => out.styled_quote(quote, &attribution, c, opts.link),
                None => out.attributed_quote(quote, &attribution),
            }
            out.pandoc_quote(quote, opts.style);
            if let Some(template) = opts.template {
                let citation = c
                    .inline
                    .as_ref()
                    .map(Rich::plain)
                    .or_else(|| c.note.and_then(|n| notes.get(n - 1)).map(|r| r.plain()))
                    .unwrap_or_default();
                let rendered = template.render_quote(quote, &attribution, &citation)?;
                template_text.push_str(rendered.text.trim_end());
                template_text.push_str("\n\n");
                template_md.push_str(rendered.markdown.trim_end());
                template_md.push_str("\n\n");
            }
        }
    }
    out.notes(&notes);
    if !bibliography.is_empty() {
        out.bibliography(heading, bibliography);
    }
    if opts.bibliography && (opts.style.is_none() || !bibliography.is_empty()) {
        out.pandoc.push_str(&format!(
            "## {}\n\n::: {{#refs}}\n:::\n",
            escape::pandoc(heading)
        ));
    }
    let Writer {
        mut markdown,
        mut html,
        mut text,
        pandoc,
    } = out;
    if opts.template.is_some() {
        // The template's output is the writer's text with the sources' values in
        // it: escaped whole for HTML, with Markdown-escaped values for Markdown.
        html = crate::html::plain_paragraphs(&template_text);
        markdown = format!("{}\n", template_md.trim_end());
        text = format!("{}\n", template_text.trim_end());
    }
    Ok(Outputs {
        markdown: finish(markdown),
        html,
        text: finish(text),
        pandoc: finish(pandoc),
    })
}

/// The four outputs being written, quote by quote.
#[derive(Default)]
struct Writer {
    markdown: String,
    html: String,
    text: String,
    pandoc: String,
}

impl Writer {
    fn heading(&mut self, level: usize, text: &str) {
        let hashes = "#".repeat(level);
        self.markdown
            .push_str(&format!("{hashes} {}\n\n", escape::markdown(text)));
        self.html
            .push_str(&format!("<h{level}>{}</h{level}>\n", escape::html(text)));
        match level {
            1 => self.text.push_str(&format!("{text}\n\n")),
            _ => self.text.push_str(&format!("{}\n\n", text.to_uppercase())),
        }
        self.pandoc
            .push_str(&format!("{hashes} {}\n\n", escape::pandoc(text)));
    }

    /// The quote, then the attribution line with its link.
    fn attributed_quote(&mut self, quote: &Quote<'_>, attribution: &Attribution) {
        crate::markdown::block_quote(quote.text, "", escape::markdown, &mut self.markdown);
        self.markdown.push_str("— ");
        self.markdown
            .push_str(&crate::markdown::attribution(attribution));
        self.markdown.push_str("\n\n");
        self.html
            .push_str(&crate::html::block_quote(quote.text, ""));
        self.html.push_str("<p>— ");
        self.html.push_str(&crate::html::attribution(attribution));
        self.html.push_str("</p>\n");
        self.text
            .push_str(&format!("“{}”\n— {}\n\n", quote.text, attribution.plain()));
    }

    /// The quote with its citation after its last words, the style's way.
    fn styled_quote(
        &mut self,
        quote: &Quote<'_>,
        attribution: &Attribution,
        cited: &Cited,
        link: bool,
    ) {
        let link = attribution.url.as_deref().filter(|_| link);
        let (mut md, mut html, mut text) = (String::new(), String::new(), String::new());
        if let Some(rich) = &cited.inline {
            md.push_str(&format!(" {}", rich.markdown()));
            html.push_str(&format!(" {}", rich.html()));
            text.push_str(&format!(" {}", rich.plain()));
        }
        if let Some(n) = cited.note {
            md.push_str(&format!("[^{n}]"));
            html.push_str(&format!(
                "<sup><a href=\"#note-{n}\" id=\"ref-{n}\">{n}</a></sup>"
            ));
            text.push_str(&format!(" [{n}]"));
        }
        if let Some(url) = link {
            md.push_str(&format!(" {}", escape::markdown_autolink(url)));
            let url = escape::html(url);
            html.push_str(&format!(" <a href=\"{url}\">{url}</a>"));
            text.push_str(&format!(" {url}"));
        }
        crate::markdown::block_quote(quote.text, &md, escape::markdown, &mut self.markdown);
        self.html
            .push_str(&crate::html::block_quote(quote.text, &html));
        self.text.push_str(&format!("“{}”{}\n\n", quote.text, text));
    }

    /// Pandoc renders the citation itself, from the key: `[@key, p. 4]`, with
    /// the locator the chosen style takes (Pandoc's own default, Chicago
    /// author-date, takes pages only).
    fn pandoc_quote(&mut self, quote: &Quote<'_>, style: Option<&CitationStyle>) {
        let key = quote.key;
        let locator = match style {
            Some(style) => quote.locator_in(style),
            None => quote.page.map(crate::Locator::Page),
        };
        let cite = match locator {
            Some(l) => format!(" [@{key}, {}]", l.pandoc()),
            None => format!(" [@{key}]"),
        };
        crate::markdown::block_quote(quote.text, &cite, escape::pandoc, &mut self.pandoc);
    }

    fn notes(&mut self, notes: &[&Rich]) {
        if notes.is_empty() {
            return;
        }
        self.markdown.push_str("---\n\n");
        self.html.push_str("<hr>\n<ol class=\"notes\">\n");
        self.text.push_str("Notes\n\n");
        for (i, note) in notes.iter().enumerate() {
            let n = i + 1;
            self.markdown.push_str(&format!(
                "[^{n}]: {}\n",
                escape::line_start(&note.markdown())
            ));
            self.html
                .push_str(&format!("<li id=\"note-{n}\">{}</li>\n", note.html()));
            self.text.push_str(&format!("{n}. {}\n", note.plain()));
        }
        self.markdown.push('\n');
        self.html.push_str("</ol>\n");
        self.text.push('\n');
    }

    fn bibliography(&mut self, heading: &str, entries: &[Rich]) {
        self.markdown
            .push_str(&format!("## {}\n\n", escape::markdown(heading)));
        self.html
            .push_str(&format!("<h2>{}</h2>\n", escape::html(heading)));
        self.text.push_str(&format!("{heading}\n\n"));
        for entry in entries {
            self.markdown
                .push_str(&escape::line_start(&entry.markdown()));
            self.markdown.push_str("\n\n");
            self.html
                .push_str(&format!("<p class=\"csl-entry\">{}</p>\n", entry.html()));
            self.text.push_str(&entry.plain());
            self.text.push_str("\n\n");
        }
    }
}

/// A citation key as Pandoc and the CSL-JSON bibliography both read it: keys
/// made by Commonplace already are (letters, digits, `_ - : .`); any other
/// character of a key made elsewhere becomes `_`, the same in both places.
fn citation_key(key: &str) -> String {
    let key: String = escape::clean_inline(key)
        .chars()
        .map(
            |c| match c.is_alphanumeric() || matches!(c, '_' | '-' | ':' | '.') {
                true => c,
                false => '_',
            },
        )
        .collect();
    match key.is_empty() {
        true => "source".to_owned(),
        false => key,
    }
}

/// Pandoc's front matter: the bibliography file (or the references themselves)
/// and the style, so `pandoc --citeproc` cites the way the writer chose.
fn front_matter(opts: &Options<'_>, quotes: &[&Quote<'_>], items: &[serde_json::Value]) -> String {
    let mut out = String::from("---\n");
    match opts.pandoc_bibliography {
        Some(file) => out.push_str(&format!("bibliography: {}\n", escape::yaml(file))),
        None => {
            out.push_str("references:\n");
            let mut seen = Vec::new();
            for (quote, item) in quotes.iter().zip(items) {
                if !seen.contains(&quote.key) {
                    seen.push(quote.key);
                    out.push_str(&format!("- {}\n", yaml_flow(item)));
                }
            }
        }
    }
    if let Some(csl) = opts.pandoc_csl {
        out.push_str(&format!("csl: {}\n", escape::yaml(csl)));
    }
    out.push_str("---\n\n");
    out
}

/// A CSL-JSON value in YAML flow style. Pandoc reads the strings of metadata as
/// Markdown, so each is escaped for Pandoc before it is quoted for YAML.
fn yaml_flow(v: &serde_json::Value) -> String {
    use serde_json::Value;
    match v {
        Value::String(s) => escape::yaml(&escape::pandoc(s)),
        Value::Array(items) => format!(
            "[{}]",
            items.iter().map(yaml_flow).collect::<Vec<_>>().join(", ")
        ),
        Value::Object(map) => format!(
            "{{{}}}",
            map.iter()
                .map(|(k, v)| format!("{}: {}", escape::yaml(k), yaml_flow(v)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        other => other.to_string(),
    }
}

fn finish(mut s: String) -> String {
    while s.ends_with("\n\n") {
        s.pop();
    }
    s
}

impl Quote<'_> {
    /// Where the quote is, for the citation: the PDF page, else the paragraph.
    pub fn locator(&self) -> Option<crate::Locator> {
        self.page
            .map(crate::Locator::Page)
            .or(self.paragraph.map(crate::Locator::Paragraph))
    }

    /// The locator a style wants: pages always; counted paragraphs only where the
    /// style's rules count unnumbered paragraphs (APA 8.28). MLA 9 (6.20) and
    /// Chicago (14.150) give no locator for a text without page or paragraph
    /// numbers.
    pub fn locator_in(&self, style: &CitationStyle) -> Option<crate::Locator> {
        match self.locator()? {
            crate::Locator::Paragraph(_) if !style.counts_paragraphs() => None,
            locator => Some(locator),
        }
    }
}
