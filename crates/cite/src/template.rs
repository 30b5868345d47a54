//! Writers' templates for house styles, in Jinja syntax (minijinja), applied to
//! each quote:
//!
//! ```text
//! > {{ quote }}
//! — *{{ source.container }}*, {{ source.date }}
//! ```
//!
//! Variables: `quote`, `note`, `tags`, `page`, `paragraph`, `locator` ("p. 4"),
//! `citation` (the in-text citation or note in the chosen style), `attribution`,
//! `link` (the source's address, with a text fragment for web pages), `key`, and
//! `source` with `title`, `authors` (a list), `author` (joined), `container`,
//! `publisher`, `date` ("10 April 2021"), `iso_date`, `year`, `url`, `type`,
//! `number`. An unknown variable is empty.
//!
//! The writer's own text in a template is theirs; the values come from sources.
//! So a template renders twice: as text (values cleaned of control characters
//! upstream), and for Markdown with every value escaped for Markdown. HTML is the
//! text escaped whole.

use minijinja::{Environment, UndefinedBehavior};
use serde::Serialize;

use crate::{Attribution, Quote};

/// A compiled template.
#[derive(Debug)]
pub struct Template {
    text: Environment<'static>,
    markdown: Environment<'static>,
}

/// A quote through a template, for plain text and for Markdown.
pub(crate) struct TemplateOutput {
    pub text: String,
    pub markdown: String,
}

/// A template that does not parse or does not render, with the line.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("the template {problem}")]
pub struct TemplateError {
    pub problem: String,
}

impl From<minijinja::Error> for TemplateError {
    fn from(e: minijinja::Error) -> Self {
        let line = e
            .line()
            .map(|l| format!(" on line {l}"))
            .unwrap_or_default();
        let detail = e
            .detail()
            .map(str::to_owned)
            .unwrap_or_else(|| e.kind().to_string());
        TemplateError {
            problem: format!("has an error{line}: {detail}"),
        }
    }
}

#[derive(Serialize)]
struct SourceVars {
    title: String,
    authors: Vec<String>,
    author: String,
    container: String,
    publisher: String,
    date: String,
    iso_date: String,
    year: String,
    url: String,
    #[serde(rename = "type")]
    item_type: &'static str,
    number: String,
}

#[derive(Serialize)]
struct QuoteVars<'a> {
    quote: &'a str,
    note: &'a str,
    tags: &'a [String],
    page: Option<u32>,
    paragraph: Option<u32>,
    locator: String,
    citation: &'a str,
    attribution: String,
    link: String,
    key: &'a str,
    source: SourceVars,
}

impl Template {
    pub fn new(source: &str) -> Result<Template, TemplateError> {
        if source.trim().is_empty() {
            return Err(TemplateError {
                problem: "is empty".into(),
            });
        }
        let env = || -> Result<Environment<'static>, TemplateError> {
            let mut env = Environment::new();
            env.set_undefined_behavior(UndefinedBehavior::Lenient);
            env.set_auto_escape_callback(|_| minijinja::AutoEscape::None);
            env.set_fuel(Some(100_000));
            env.add_template_owned("template".to_owned(), source.to_owned())?;
            Ok(env)
        };
        let mut markdown = env()?;
        markdown.set_formatter(|out, _state, value| {
            if value.is_undefined() || value.is_none() {
                return Ok(());
            }
            // Each line of a value is escaped as a line could start a block:
            // a value can span lines, and its later lines start them.
            let text = value
                .to_string()
                .split('\n')
                .map(|line| crate::escape::markdown_line(line, crate::escape::markdown))
                .collect::<Vec<_>>()
                .join("\n");
            out.write_str(&text).map_err(minijinja::Error::from)
        });
        Ok(Template {
            text: env()?,
            markdown,
        })
    }

    pub(crate) fn render_quote(
        &self,
        quote: &Quote<'_>,
        attribution: &Attribution,
        citation: &str,
    ) -> Result<TemplateOutput, TemplateError> {
        let m = quote.meta;
        let authors: Vec<String> = m.authors.iter().map(model::Author::display_name).collect();
        let vars = QuoteVars {
            quote: quote.text,
            note: quote.note,
            tags: quote.tags,
            page: quote.page,
            paragraph: quote.paragraph,
            locator: quote.locator().map(|l| l.pandoc()).unwrap_or_default(),
            citation,
            attribution: attribution.plain(),
            link: attribution.url.clone().unwrap_or_default(),
            key: quote.key,
            source: SourceVars {
                title: m.title.clone(),
                author: attribution.authors.clone().unwrap_or_default(),
                authors,
                container: m.container_title.clone().unwrap_or_default(),
                publisher: m.publisher.clone().unwrap_or_default(),
                date: m.issued.map(|d| d.human()).unwrap_or_default(),
                iso_date: m.issued.map(|d| d.to_string()).unwrap_or_default(),
                year: m.issued.map(|d| d.year.to_string()).unwrap_or_default(),
                url: attribution
                    .url
                    .clone()
                    .map(|u| u.split('#').next().unwrap_or_default().to_owned())
                    .unwrap_or_default(),
                item_type: m.item_type_for(quote.kind).as_str(),
                number: m.number.clone().unwrap_or_default(),
            },
        };
        let text = self.text.get_template("template")?.render(&vars)?;
        let markdown = self.markdown.get_template("template")?.render(&vars)?;
        Ok(TemplateOutput { text, markdown })
    }
}
