//! What the style guides ask for and hayagriva's rendering does not give: the
//! items are prepared before rendering (short titles, report numbers, first
//! authors told apart by initials) and the rendered text is put right after it
//! (punctuation where an empty part was skipped or a title ends in `?`, the
//! capitals of acronyms and brand names kept through title case, and American
//! punctuation inside closing quotation marks).
//!
//! Each rule names the guide's section it follows; the golden tests hold the
//! expected strings.

use crate::render::{Rich, Run};
use crate::CitationStyle;
use hayagriva::citationberg::DisambiguationRule;
use serde_json::Value;
use std::collections::HashMap;

/// An item as it goes to hayagriva.
pub(crate) fn for_rendering(item: &Value) -> Value {
    let mut item = item.clone();
    // A report number such as "21-5" is a name, not a range of numbers: its
    // hyphen becomes a non-breaking hyphen (which looks the same) so the style
    // neither writes "Nos." nor turns it into an en dash.
    if let Some(Value::String(n)) = item.get_mut("number") {
        *n = n.replace('-', "\u{2011}");
    }
    // Short notes and in-text titles use the short title (Chicago 14.30: the
    // key words of the main title, at most four, without an initial article).
    let short = item
        .get("title")
        .and_then(Value::as_str)
        .filter(|_| item.get("title-short").is_none())
        .and_then(short_title);
    if let (Some(short), Some(map)) = (short, item.as_object_mut()) {
        map.insert("title-short".into(), Value::String(short));
    }
    item
}

/// Words a short title does not end on, and articles it does not start with.
const ARTICLES: [&str; 3] = ["a", "an", "the"];
const MINOR: [&str; 24] = [
    "a", "an", "the", "and", "or", "nor", "but", "for", "of", "in", "on", "at", "to", "by", "with",
    "from", "into", "as", "against", "its", "their", "his", "her", "vs.",
];

/// The short form of a title, when it is longer than four words.
pub(crate) fn short_title(title: &str) -> Option<String> {
    let main = title.split(':').next().unwrap_or(title).trim();
    let words: Vec<&str> = main.split_whitespace().collect();
    if words.len() <= 4 {
        return (main != title.trim()).then(|| main.to_owned());
    }
    let mut words: Vec<&str> = words;
    if words
        .first()
        .is_some_and(|w| ARTICLES.contains(&w.to_lowercase().as_str()))
    {
        words.remove(0);
    }
    words.truncate(4);
    while words.len() > 1
        && words
            .last()
            .is_some_and(|w| MINOR.contains(&w.to_lowercase().as_str()))
    {
        words.pop();
    }
    let short = words.join(" ");
    Some(
        short
            .trim_end_matches([',', ';', ':', '—', '–', '-'])
            .to_owned(),
    )
}

/// APA 8.20, Chicago 15.21 and MLA 6.8: when the first authors of two works share a family
/// name but not a given name, every in-text citation of them gives the first
/// author's initials ("J. Smith, 2020"), or the given name when the initials
/// are the same too. A style says so with `givenname-disambiguation-rule`
/// set to one of the global rules; hayagriva applies that rule only among
/// citations that look alike, so here the first author of those items gets
/// the longer name as one literal name, for the citations only.
pub(crate) fn distinguish_first_authors(
    style: &CitationStyle,
    items: &[Value],
) -> Option<Vec<Value>> {
    let citation = &style.csl.citation;
    let initials_only = match citation.givenname_disambiguation_rule {
        // MLA 9 (6.8) asks for initials, though its CSL style does not say so.
        _ if style.is_mla() => true,
        _ if !citation.disambiguate_add_givenname => return None,
        DisambiguationRule::ByCite => return None,
        DisambiguationRule::AllNamesWithInitials | DisambiguationRule::PrimaryNameWithInitials => {
            true
        }
        DisambiguationRule::AllNames | DisambiguationRule::PrimaryName => false,
    };
    let first = |item: &Value| -> Option<(String, String)> {
        let author = item.get("author")?.get(0)?;
        let family = author.get("family")?.as_str()?.trim().to_owned();
        let given = author.get("given").and_then(Value::as_str).unwrap_or("");
        Some((family, given.trim().to_owned()))
    };
    let mut givens: HashMap<String, Vec<String>> = HashMap::new();
    for (family, given) in items.iter().filter_map(first) {
        let list = givens.entry(family.to_lowercase()).or_default();
        if !list.contains(&given) {
            list.push(given);
        }
    }
    let mut changed = false;
    let out = items
        .iter()
        .map(|item| {
            let Some((family, given)) = first(item) else {
                return item.clone();
            };
            let others = &givens[&family.to_lowercase()];
            if others.len() < 2 || given.is_empty() {
                return item.clone();
            }
            let mine = initials(&given);
            let shared = others.iter().filter(|g| initials(g) == mine).count() > 1;
            let shown = if shared && !initials_only {
                given.clone()
            } else {
                mine
            };
            changed = true;
            let mut item = item.clone();
            item["author"][0] = serde_json::json!({ "literal": format!("{shown} {family}") });
            item
        })
        .collect();
    changed.then_some(out)
}

/// "Jane Ann" → "J. A.", "Jean-Paul" → "J.-P."
fn initials(given: &str) -> String {
    given
        .split_whitespace()
        .map(|word| {
            word.split('-')
                .filter_map(|part| part.chars().next())
                .map(|c| format!("{}.", c.to_uppercase()))
                .collect::<Vec<_>>()
                .join("-")
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// What a case change must leave as the source wrote it, from the text fields
/// of one item (a citation or an entry is put right with its own item's words
/// only).
#[derive(Debug, Default)]
pub(crate) struct Protected {
    /// Acronyms ("IPO", "USA") and words with capitals inside ("TikTok",
    /// "iPhone", "McKinsey"), by their lower case.
    words: HashMap<String, String>,
    /// Minor words written in lower case after a comma ("TikTok, the iPhone"):
    /// CMOS 8.159 keeps them lower case, hayagriva capitalizes after a comma.
    after_comma: Vec<String>,
}

pub(crate) fn protected_words(item: &Value) -> Protected {
    let mut out = Protected::default();
    {
        let Some(map) = item.as_object() else {
            return out;
        };
        for key in [
            "title",
            "title-short",
            "container-title",
            "publisher",
            "genre",
        ] {
            let Some(text) = map.get(key).and_then(Value::as_str) else {
                continue;
            };
            for word in words(text) {
                if word.chars().skip(1).any(char::is_uppercase) {
                    out.words.insert(word.to_lowercase(), word.to_owned());
                }
            }
            for (_, rest) in text.match_indices(", ").map(|(i, _)| text.split_at(i + 2)) {
                let word: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
                if MINOR.contains(&word.as_str()) && !out.after_comma.contains(&word) {
                    out.after_comma.push(word);
                }
            }
        }
    }
    out
}

fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// The rendered text put right.
pub(crate) fn polish(rich: Rich, style: &CitationStyle, protected: &Protected) -> Rich {
    let rich = restore_case(rich, protected);
    let mut chars: Vec<(usize, char)> = rich
        .0
        .iter()
        .enumerate()
        .flat_map(|(i, run)| run.text.chars().map(move |c| (i, c)))
        .collect();
    punctuation(&mut chars, american_quotes(style));
    let mut runs: Vec<Run> = rich
        .0
        .iter()
        .map(|r| Run {
            text: String::new(),
            ..r.clone()
        })
        .collect();
    for (i, c) in chars {
        runs[i].text.push(c);
    }
    runs.retain(|r| !r.text.is_empty());
    Rich(runs)
}

/// Title case in hayagriva lower-cases the rest of every word; a word the source
/// wrote with capitals inside gets them back.
fn restore_case(mut rich: Rich, protected: &Protected) -> Rich {
    for run in &mut rich.0 {
        if run.link.is_some() {
            continue;
        }
        for word in &protected.after_comma {
            let mut capital = word.clone();
            capital[..1].make_ascii_uppercase();
            run.text = run
                .text
                .replace(&format!(", {capital} "), &format!(", {word} "));
        }
        let protected = &protected.words;
        if protected.is_empty() {
            continue;
        }
        let mut out = String::with_capacity(run.text.len());
        let mut word = String::new();
        let flush = |word: &mut String, out: &mut String| {
            match protected.get(&word.to_lowercase()) {
                Some(original) if original.chars().count() == word.chars().count() => {
                    out.push_str(original)
                }
                _ => out.push_str(word),
            }
            word.clear();
        };
        for c in run.text.chars() {
            if c.is_alphanumeric() {
                word.push(c);
            } else {
                flush(&mut word, &mut out);
                out.push(c);
            }
        }
        flush(&mut word, &mut out);
        run.text = out;
    }
    rich
}

/// Whether the style's language puts a period or comma inside closing
/// quotation marks (American English, the CSL default).
fn american_quotes(style: &CitationStyle) -> bool {
    style
        .csl
        .default_locale
        .as_ref()
        .is_none_or(|l| l.0.eq_ignore_ascii_case("en-US"))
}

const CLOSING_QUOTES: [char; 4] = ['”', '’', '"', '»'];

/// Punctuation rules over the whole text, whichever runs the characters are in:
/// - a comma before `)`, `.`, `,`, `;` or `:` is dropped (an empty date part
///   leaves "(2021,)");
/// - after `?` or `!` (and a closing quotation mark), a period or comma is
///   dropped (Chicago 6.119, APA 6.3: "Moment?" not "Moment?.");
/// - in American English a period or comma after a closing double quotation
///   mark goes inside it (Chicago 6.9);
/// - a period after a period is dropped (a title ending "Inc."), but an
///   ellipsis stays.
fn punctuation(chars: &mut Vec<(usize, char)>, american: bool) {
    let at = |chars: &Vec<(usize, char)>, i: usize| chars.get(i).map(|c| c.1);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].1;
        let next = at(chars, i + 1);
        if c == ',' && matches!(next, Some(')' | '.' | ',' | ';' | ':')) {
            chars.remove(i);
            continue;
        }
        if matches!(c, '.' | ',') && i > 0 {
            let mut j = i - 1;
            while j > 0 && CLOSING_QUOTES.contains(&chars[j].1) {
                j -= 1;
            }
            let ends_clause = matches!(next, None | Some(' ' | ')' | ']'))
                || next.is_some_and(|n| CLOSING_QUOTES.contains(&n));
            if matches!(chars[j].1, '?' | '!') && ends_clause {
                chars.remove(i);
                continue;
            }
        }
        if american && c == '”' && matches!(next, Some('.' | ',')) {
            chars.swap(i, i + 1);
            // The quotation mark keeps its run's formatting, the point its own.
            let (a, b) = (chars[i].0, chars[i + 1].0);
            chars[i].0 = b;
            chars[i + 1].0 = a;
            i = i.saturating_sub(1);
            continue;
        }
        if c == '.' && next == Some('.') {
            let before = i.checked_sub(1).and_then(|k| at(chars, k));
            let after = at(chars, i + 2);
            if before != Some('.') && after != Some('.') {
                chars.remove(i);
                continue;
            }
        }
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_titles_keep_the_key_words_of_the_main_title() {
        let short = |t| short_title(t).unwrap_or_else(|| t.to_owned());
        assert_eq!(
            short("China's sweeping antitrust campaign against its biggest technology companies"),
            "China's sweeping antitrust campaign"
        );
        assert_eq!(
            short("The Crisis of Democratic Capitalism"),
            "Crisis of Democratic Capitalism"
        );
        assert_eq!(
            short("Industrial policy for the twenty-first century"),
            "Industrial policy"
        );
        assert_eq!(short("Climate change"), "Climate change");
        assert_eq!(
            short("Chip war: The fight for the world's most critical technology"),
            "Chip war"
        );
    }

    fn fixed(text: &str, american: bool) -> String {
        let mut chars: Vec<(usize, char)> = text.chars().map(|c| (0, c)).collect();
        punctuation(&mut chars, american);
        chars.into_iter().map(|c| c.1).collect()
    }

    #[test]
    fn punctuation_follows_the_guides() {
        assert_eq!(
            fixed("Smith, J. (2021,). Title.", true),
            "Smith, J. (2021). Title."
        );
        assert_eq!(
            fixed("A second look at the moment?. Metaviews.", true),
            "A second look at the moment? Metaviews."
        );
        assert_eq!(
            fixed("“A Second Look at the Moment?.” Metaviews", true),
            "“A Second Look at the Moment?” Metaviews"
        );
        assert_eq!(
            fixed("“A Second Look at the Moment?,” Metaviews", true),
            "“A Second Look at the Moment?” Metaviews"
        );
        assert_eq!(
            fixed("Zhang, “China’s Sweeping Campaign”.", true),
            "Zhang, “China’s Sweeping Campaign.”"
        );
        assert_eq!(
            fixed("Zhang, “China’s Sweeping Campaign”.", false),
            "Zhang, “China’s Sweeping Campaign”."
        );
        assert_eq!(
            fixed("Acme Inc.. Wait... what?", true),
            "Acme Inc. Wait... what?"
        );
        assert_eq!(
            fixed("https://example.com/?a=1,2", true),
            "https://example.com/?a=1,2"
        );
    }

    #[test]
    fn initials_of_given_names() {
        assert_eq!(initials("Jane Ann"), "J. A.");
        assert_eq!(initials("Jean-Paul"), "J.-P.");
    }
}
