//! An export: quotes (optionally under section headings), each with its
//! attribution line and, in a chosen style, its in-text citation or note, then the
//! notes and the bibliography; written at once as Markdown, HTML, plain text and
//! Pandoc Markdown so every path (clipboard, file, CLI) says the same thing.

use crate::render::{render, Cite, Locator, Rendered, Rich};
use crate::{Attribution, CitationStyle, Quote, Section, Template};

/// What an export should contain beyond the quotes and their attribution.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options<'a> {
    /// The style for citations; none gives the attribution line alone.
    pub style: Option<&'a CitationStyle>,
    /// Add the bibliography of the cited works at the end.
    pub bibliography: bool,
    /// The bibliography file a Pandoc export names in its front matter.
    pub pandoc_bibliography: Option<&'a str>,
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

/// Exports quotes under an optional title and section headings.
pub fn export(
    title: Option<&str>,
    sections: &[Section<'_>],
    opts: &Options<'_>,
) -> Result<Outputs, crate::TemplateError> {
    let sections: Vec<&Section<'_>> = sections.iter().filter(|s| !s.quotes.is_empty()).collect();
    let quotes: Vec<&Quote<'_>> = sections.iter().flat_map(|s| s.quotes.iter()).collect();
    let rendered = match opts.style {
        Some(style) => {
            let cites: Vec<Cite> = quotes
                .iter()
                .map(|q| Cite {
                    item: crate::csl_json::item(q.meta, q.kind, q.key),
                    locator: q.locator(),
                })
                .collect();
            render(style, &cites)
        }
        None => Rendered::default(),
    };
    let cited: Vec<Cited> = (0..quotes.len())
        .map(|i| {
            let rich = rendered.citations.get(i).cloned();
            if rendered.note_style {
                Cited {
                    inline: None,
                    note: rich.map(|_| i + 1),
                }
            } else {
                Cited {
                    inline: rich,
                    note: None,
                }
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

    let mut md = String::new();
    let mut html = String::new();
    let mut text = String::new();
    let mut pandoc = String::new();
    if let Some(file) = opts.pandoc_bibliography {
        pandoc.push_str(&format!(
            "---\nbibliography: {}\n---\n\n",
            yaml_scalar(file)
        ));
    }
    if let Some(title) = title.map(str::trim).filter(|t| !t.is_empty()) {
        md.push_str(&format!("# {}\n\n", crate::render::escape_markdown(title)));
        html.push_str(&format!("<h1>{}</h1>\n", crate::html::escape(title)));
        text.push_str(&format!("{title}\n\n"));
        pandoc.push_str(&format!("# {}\n\n", crate::render::escape_markdown(title)));
    }
    let mut index = 0;
    let mut template_out = String::new();
    for section in &sections {
        let heading_text = section.heading.trim();
        if !heading_text.is_empty() {
            md.push_str(&format!(
                "## {}\n\n",
                crate::render::escape_markdown(heading_text)
            ));
            html.push_str(&format!("<h2>{}</h2>\n", crate::html::escape(heading_text)));
            text.push_str(&format!("{}\n\n", heading_text.to_uppercase()));
            pandoc.push_str(&format!(
                "## {}\n\n",
                crate::render::escape_markdown(heading_text)
            ));
            template_out.push_str(&format!("## {heading_text}\n\n"));
        }
        for quote in &section.quotes {
            let c = &cited[index];
            index += 1;
            let attribution = Attribution::of(quote);
            // Markdown
            crate::markdown::block_quote(quote.text, &mut md);
            md.push_str("— ");
            md.push_str(&crate::markdown::attribution(&attribution));
            if let Some(rich) = &c.inline {
                md.push(' ');
                md.push_str(&rich.markdown());
            }
            if let Some(n) = c.note {
                md.push_str(&format!("[^{n}]"));
            }
            md.push_str("\n\n");
            // HTML
            html.push_str(&crate::html::block_quote(quote.text));
            html.push_str("<p>— ");
            html.push_str(&crate::html::attribution(&attribution));
            if let Some(rich) = &c.inline {
                html.push(' ');
                html.push_str(&rich.html());
            }
            if let Some(n) = c.note {
                html.push_str(&format!(
                    "<sup><a href=\"#note-{n}\" id=\"ref-{n}\">{n}</a></sup>"
                ));
            }
            html.push_str("</p>\n");
            // Plain text
            text.push_str(&format!(
                "“{}”\n— {}",
                quote.text.trim(),
                attribution.plain()
            ));
            if let Some(rich) = &c.inline {
                text.push(' ');
                text.push_str(&rich.plain());
            }
            if let Some(n) = c.note {
                text.push_str(&format!(" [{n}]"));
            }
            text.push_str("\n\n");
            // Pandoc: the citation is Pandoc's to render, from the key.
            crate::markdown::block_quote(quote.text, &mut pandoc);
            let cite = match quote.locator() {
                Some(l) => format!("[@{}, {}]", quote.key, l.pandoc()),
                None => format!("[@{}]", quote.key),
            };
            pandoc.push_str(&cite);
            pandoc.push_str("\n\n");
            if let Some(template) = opts.template {
                let citation = c
                    .inline
                    .as_ref()
                    .map(Rich::plain)
                    .or_else(|| c.note.and_then(|n| notes.get(n - 1)).map(|r| r.plain()))
                    .unwrap_or_default();
                let out = template.render_quote(quote, &attribution, &citation)?;
                template_out.push_str(out.trim_end());
                template_out.push_str("\n\n");
            }
        }
    }
    if !notes.is_empty() {
        md.push_str("---\n\n");
        html.push_str("<hr>\n<ol class=\"notes\">\n");
        text.push_str("Notes\n\n");
        for (i, note) in notes.iter().enumerate() {
            let n = i + 1;
            md.push_str(&format!("[^{n}]: {}\n", note.markdown()));
            html.push_str(&format!("<li id=\"note-{n}\">{}</li>\n", note.html()));
            text.push_str(&format!("{n}. {}\n", note.plain()));
        }
        md.push('\n');
        html.push_str("</ol>\n");
        text.push('\n');
    }
    if !bibliography.is_empty() {
        md.push_str(&format!("## {heading}\n\n"));
        html.push_str(&format!("<h2>{heading}</h2>\n"));
        text.push_str(&format!("{heading}\n\n"));
        for entry in bibliography {
            md.push_str(&entry.markdown());
            md.push_str("\n\n");
            html.push_str(&format!("<p class=\"csl-entry\">{}</p>\n", entry.html()));
            text.push_str(&entry.plain());
            text.push_str("\n\n");
        }
        if opts.bibliography {
            pandoc.push_str(&format!("## {heading}\n\n::: {{#refs}}\n:::\n"));
        }
    } else if opts.bibliography && opts.style.is_none() {
        pandoc.push_str("## References\n\n::: {#refs}\n:::\n");
    }
    if opts.template.is_some() {
        let out = format!("{}\n", template_out.trim_end());
        html = crate::html::plain_paragraphs(&out);
        md = out.clone();
        text = out;
    }
    Ok(Outputs {
        markdown: finish(md),
        html,
        text: finish(text),
        pandoc: finish(pandoc),
    })
}

fn finish(mut s: String) -> String {
    while s.ends_with("\n\n") {
        s.pop();
    }
    s
}

/// A YAML scalar that stays one, whatever the file name holds.
fn yaml_scalar(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

impl Quote<'_> {
    /// Where the quote is, for the citation: the PDF page, else the paragraph.
    pub fn locator(&self) -> Option<Locator> {
        self.page
            .map(Locator::Page)
            .or(self.paragraph.map(Locator::Paragraph))
    }
}
