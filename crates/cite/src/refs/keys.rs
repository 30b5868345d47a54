//! Citation keys in the Better BibTeX manner: the first author's family name, the
//! year and the first significant word of the title (`zhang2021China`), made
//! unique with a letter (`zhang2021Chinaa`, `...b`) and then never changed.

use model::{Author, SourceMeta};
use std::collections::HashSet;

const STOP_WORDS: [&str; 24] = [
    "a", "an", "the", "of", "on", "in", "at", "to", "for", "and", "or", "but", "with", "from",
    "by", "as", "is", "are", "was", "how", "why", "what", "when", "who",
];

/// The key a source would get if nothing else had it.
pub fn base_key(meta: &SourceMeta) -> String {
    let author = meta
        .authors
        .first()
        .or(meta.editors.first())
        .map(|a| match a {
            Author::Person { family, .. } => ascii_letters(family).to_lowercase(),
            Author::Organization { name } => name
                .split_whitespace()
                .map(ascii_letters)
                .find(|w| !w.is_empty() && !STOP_WORDS.contains(&w.to_lowercase().as_str()))
                .unwrap_or_default()
                .to_lowercase(),
        })
        .filter(|a| !a.is_empty())
        .unwrap_or_else(|| "anon".to_owned());
    let year = meta
        .issued
        .map(|d| d.year.to_string())
        .unwrap_or_else(|| "nd".to_owned());
    let word = meta
        .title
        .split(|c: char| c.is_whitespace() || c == '-' || c == '/')
        .map(ascii_letters)
        .find(|w| !w.is_empty() && !STOP_WORDS.contains(&w.to_lowercase().as_str()))
        .map(|w| {
            let mut chars = w.chars();
            match chars.next() {
                Some(first) => first.to_uppercase().chain(chars).collect::<String>(),
                None => String::new(),
            }
        })
        .unwrap_or_default();
    format!("{author}{year}{word}")
}

/// `base` itself when free, or else the first of `base` + a, b, ..., z, aa, ab, ...
pub fn unique_key(base: &str, taken: &HashSet<String>) -> String {
    if !taken.contains(base) {
        return base.to_owned();
    }
    let mut n = 0usize;
    loop {
        let key = format!("{base}{}", suffix(n));
        if !taken.contains(&key) {
            return key;
        }
        n += 1;
    }
}

fn suffix(mut n: usize) -> String {
    let mut out = Vec::new();
    loop {
        out.push(b'a' + (n % 26) as u8);
        if n < 26 {
            break;
        }
        n = n / 26 - 1;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// Letters and digits folded to ASCII ("Müller" → "Muller", "Ørsted" → "Orsted");
/// characters without an ASCII form are dropped.
fn ascii_letters(s: &str) -> String {
    deunicode::deunicode(s)
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_author_year_titleword_and_unique() {
        let meta = SourceMeta {
            title: "The Müller report: on élan".into(),
            authors: vec![Author::Person {
                family: "Müller".into(),
                given: "Anna".into(),
            }],
            issued: "2021-04".parse().ok(),
            ..SourceMeta::default()
        };
        assert_eq!(base_key(&meta), "muller2021Muller");
        let org = SourceMeta {
            title: "World Energy Outlook".into(),
            authors: vec![Author::Organization {
                name: "The International Energy Agency".into(),
            }],
            ..SourceMeta::default()
        };
        assert_eq!(
            base_key(&org),
            "international2021World".replace("2021", "nd")
        );
        assert_eq!(base_key(&SourceMeta::default()), "anonnd");
        let mut taken: HashSet<String> = ["doe2020Things".to_owned()].into();
        assert_eq!(unique_key("doe2020Things", &taken), "doe2020Thingsa");
        taken.insert("doe2020Thingsa".into());
        assert_eq!(unique_key("doe2020Things", &taken), "doe2020Thingsb");
        assert_eq!(unique_key("x2020Y", &taken), "x2020Y");
        assert_eq!(suffix(25), "z");
        assert_eq!(suffix(26), "aa");
        assert_eq!(suffix(27), "ab");
    }
}
