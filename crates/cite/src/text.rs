//! Plain text: the quote in quotation marks, then its attribution and link.

use crate::{Attribution, Quote, Section};

pub fn text(quotes: &[Quote<'_>]) -> String {
    let mut out = String::new();
    for (i, quote) in quotes.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        out.push_str(&format!("“{}”\n", quote.text.trim()));
        out.push_str(&format!("— {}\n", Attribution::of(quote).plain()));
    }
    out
}

pub fn text_sections(title: &str, sections: &[Section<'_>]) -> String {
    let mut out = format!("{}\n", title.trim());
    for section in sections.iter().filter(|s| !s.quotes.is_empty()) {
        out.push_str(&format!("\n{}\n\n", section.heading.to_uppercase()));
        out.push_str(&text(&section.quotes));
    }
    out
}
