//! Authors from what pages write in bylines and author fields: names without
//! "By", dates, times, roles or places, persons told apart from organisations,
//! and values that are not names at all (placeholders such as "admin", social
//! handles, addresses) refused, so that the next source gets its turn.
//!
//! `words.rs` holds the vocabulary; `on_page.rs` finds a byline in the page
//! itself when no metadata names the author.

mod on_page;
mod words;

use super::dates::parse::{in_text, Order};
use dom_query::Document;
use model::Author;
use words::{ORG_WORDS, PLACEHOLDERS, PREFIXES, ROLES, ROLE_COMPANIONS, TRAILING};

pub use on_page::on_page;

/// A name that reads like an organisation becomes one; anything else a person.
pub fn person_or_org(name: &str) -> Author {
    let name = crate::normalize_inline(name);
    let lower = name.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let org = words.iter().any(|w| ORG_WORDS.contains(w))
        || words.len() > 4
        || lower.contains('.') && !lower.contains(". ") && !lower.ends_with('.')
        // One word cannot be split into family and given names: a site, an
        // agency or a handle far more often than a person.
        || words.len() == 1;
    if org {
        Author::Organization { name }
    } else {
        Author::person_from_input(&name)
    }
}

/// Whether a value can be a name: not a placeholder, handle, address or
/// e-mail, and with at least one letter.
pub fn is_name(value: &str) -> bool {
    let v = value.trim();
    let lower = v.to_lowercase();
    !(v.is_empty()
        || v.starts_with('@')
        || lower.contains("[at]")
        || lower.contains("(at)")
        // A sentence or a list of topics is not a name.
        || v.split_whitespace().count() > 6
        || v.contains(". ") && v.split_whitespace().count() > 3
        || v.contains("://")
        // Markup ("<svg onload=...>") is never a name.
        || v.contains(['<', '>', '='])
        || v.starts_with("www.")
        || v.contains('@') && !v.contains(' ')
        || PLACEHOLDERS.contains(&lower.as_str())
        || !v.chars().any(char::is_alphabetic)
        // "30 Min", "Update 2": a name has no figures.
        || v.chars().any(|c| c.is_ascii_digit())
        || v.chars().count() > 80)
}

/// "By Jane Doe and John Roe", "Jane Doe, John Roe", "Von Anna Muster |
/// 06.08.2019, 10:15 Uhr", "Jane Doe, Senior Reporter" into authors.
pub fn split_byline(byline: &str) -> Vec<Author> {
    names(byline).iter().map(|n| person_or_org(n)).collect()
}

/// The names in a byline, cleaned.
pub fn names(byline: &str) -> Vec<String> {
    // A value escaped twice ("Redacci&oacute;n") is read once more.
    let decoded;
    let byline = if byline.contains('&') && byline.contains(';') {
        decoded = Document::from(format!("<p>{byline}</p>"))
            .select("p")
            .text()
            .to_string();
        decoded.as_str()
    } else {
        byline
    };
    let text = crate::normalize_inline(byline);
    // A handle or an address is not a byline at all.
    if text.is_empty()
        || text.starts_with('@')
        || text.contains("://")
        || text.contains('<') && text.contains('>')
        || text.chars().count() > 200
    {
        return Vec::new();
    }
    // Cut at the first date: what follows is a date line, not names.
    let text = match in_text(&text, Order::DayFirst).first() {
        Some(found) => text[..found.at].to_owned(),
        None => text,
    };
    // Cut at a separator that begins a role, a date or a place.
    let text = text
        .split(['|', '•', '·', '\n', '(', '/'])
        .next()
        .unwrap_or_default()
        .split(" - ")
        .next()
        .unwrap_or_default()
        .split(" – ")
        .next()
        .unwrap_or_default()
        .split(" — ")
        .next()
        .unwrap_or_default()
        .to_owned();
    let text = strip_prefix(text.trim_matches(|c: char| !c.is_alphanumeric())).to_owned();
    // A sentence is a description, not a list of names.
    let words = text.split_whitespace().count();
    if words > 16 || text.contains(". ") && words > 6 {
        return Vec::new();
    }
    // "Text & Interview: Jane Doe": a short label before a colon goes.
    let text = match text.split_once(':') {
        Some((label, rest)) if label.split_whitespace().count() <= 3 && !rest.trim().is_empty() => {
            rest.trim().to_owned()
        }
        _ => text,
    };
    if text.is_empty() {
        return Vec::new();
    }
    // "Doe, Jane" (one comma, one word each side) is one person.
    let parts: Vec<String> = if text.matches(',').count() == 1
        && !text.contains(" and ")
        && text.split(',').all(|p| p.split_whitespace().count() == 1)
    {
        vec![text]
    } else {
        text.split([',', '&', ';'])
            .flat_map(|p| {
                p.split(" and ")
                    .flat_map(|p| p.split(" und "))
                    .flat_map(|p| p.split(" et "))
                    .flat_map(|p| p.split(" y "))
                    .flat_map(|p| p.split(" e "))
                    .map(str::to_owned)
                    .collect::<Vec<_>>()
            })
            .map(|p| strip_roles(strip_prefix(p.trim())))
            .filter(|p| !p.is_empty())
            .collect()
    };
    let names: Vec<String> = parts.into_iter().filter(|p| is_name(p)).collect();
    // A site's address beside a person's name is the site, not a co-author.
    if names.iter().any(|n| !is_domain(n)) {
        names.into_iter().filter(|n| !is_domain(n)).collect()
    } else {
        names
    }
}

fn strip_prefix(text: &str) -> &str {
    let lower = text.to_lowercase();
    for p in PREFIXES {
        if lower.starts_with(p) {
            let Some(rest) = text.get(p.len()..) else {
                continue;
            };
            if p.ends_with(':') || rest.starts_with([' ', ':']) {
                return rest.trim_start_matches([' ', ':']).trim();
            }
        }
    }
    text
}

/// Drops a part made only of role words ("Senior Reporter") and role words
/// trailing a name ("Jane Doe Reporter" is rare; "Jane Doe, Reporter" is a
/// separate part and goes whole).
fn strip_roles(part: &str) -> String {
    let words: Vec<&str> = part.split_whitespace().collect();
    // "Senior Reporter", "Online-Experte": a role word, or a compound ending in one.
    let is_role = |w: &&str| {
        let w = w.to_lowercase();
        let w = w.trim_matches(|c: char| c == '.' || c == ',');
        ROLES.contains(&w)
            || w.rsplit('-')
                .next()
                .is_some_and(|last| last != w && ROLES.contains(&last))
    };
    // "Staff Reporter" is a role; "Reuters Staff" is a name.
    let is_role_here =
        |w: &&str| is_role(w) || ROLE_COMPANIONS.contains(&w.to_lowercase().as_str());
    if words.iter().all(is_role_here) {
        return String::new();
    }
    let start = words.iter().take_while(|w| is_role(w)).count();
    let mut end = words.len();
    while end > start && is_role(&words[end - 1]) {
        end -= 1;
    }
    let mut name = words[start..end].join(" ");
    // Link text a byline box adds after the name.
    for tail in TRAILING {
        if name.to_lowercase().ends_with(tail) && name.len() > tail.len() {
            name.truncate(name.len() - tail.len());
            name = name.trim_end().to_owned();
        }
    }
    name
}

/// A web address in place of a name ("jungle.world").
fn is_domain(part: &str) -> bool {
    !part.contains(' ')
        && part.rsplit_once('.').is_some_and(|(head, tld)| {
            !head.is_empty() && tld.len() >= 2 && tld.chars().all(char::is_alphabetic)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bylines_become_clean_names() {
        let cases: &[(&str, &[&str])] = &[
            ("By Jane Doe and John Roe", &["Jane Doe", "John Roe"]),
            ("Doe, Jane", &["Jane Doe"]),
            ("By Reuters Staff | Updated", &["Reuters Staff"]),
            ("Von Anna Muster | 06.08.2019, 10:15 Uhr", &["Anna Muster"]),
            ("Anna Muster 6. August 2019", &["Anna Muster"]),
            ("Jane Doe, Senior Reporter", &["Jane Doe"]),
            ("Jane Doe, Staff Reporter", &["Jane Doe"]),
            ("Jane Doe (Correspondent)", &["Jane Doe"]),
            ("Written by Jane Doe - Aug 6, 2019", &["Jane Doe"]),
            (
                "Par Jean Dupont et Marie Curie",
                &["Jean Dupont", "Marie Curie"],
            ),
            (
                "Text: Anna Muster / Fotos: Max Mustermann",
                &["Anna Muster"],
            ),
            ("Text & Interview: Harald Muster", &["Harald Muster"]),
            ("jane[at]example.org", &[]),
            (
                "Alles über Lautsprecher, Heimkino und HiFi-Trends. Dazu Tipps für zu Hause",
                &[],
            ),
            ("Follow", &[]),
            ("Erstellt von Andri Muster", &["Andri Muster"]),
            ("Online-Experte Robin Muster", &["Robin Muster"]),
            ("Johanna Muster Alle Artikel", &["Johanna Muster"]),
            ("Grant Muster, PhD", &["Grant Muster"]),
            ("Ernst Muster, example.world", &["Ernst Muster"]),
            (
                "Redacci&oacute;n Diario Ejemplo",
                &["Redacción Diario Ejemplo"],
            ),
            ("30 Min", &[]),
            ("admin", &[]),
            ("@janedoe", &[]),
            ("https://www.facebook.com/janedoe", &[]),
            ("<svg onload=alert(2)>", &[]),
            ("Jane <b>Doe</b>", &[]),
        ];
        for (byline, want) in cases {
            let got: Vec<String> = split_byline(byline)
                .iter()
                .map(Author::display_name)
                .collect();
            assert_eq!(&got, want, "names in the byline {byline:?}");
        }
    }

    #[test]
    fn persons_and_organisations_apart() {
        let cases = [
            ("Jane Doe", false),
            ("Associated Press", true),
            ("dpa", true),
            ("AFP", true),
            ("Redaktion Musterstadt", true),
            ("netzpolitik.org", true),
        ];
        for (name, org) in cases {
            assert_eq!(
                matches!(person_or_org(name), Author::Organization { .. }),
                org,
                "{name:?} read as an organisation: {org}"
            );
        }
    }
}
