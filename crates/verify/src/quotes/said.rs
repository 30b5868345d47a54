//! "Reuters said", "said Zhang", "according to the IEA", "As Doe wrote:": the
//! name a sentence gives a quotation, read from the words around it.
//!
//! The name is a run of capitalised words (with "the" before it and "of", "for",
//! "de", "van" and the like inside it), next to a verb of saying. A pronoun ("he
//! said") attributes the quotation without naming anyone: the quotation is then
//! attributed, so it is checked, but there is no name to compare.

/// What the words around a quotation say about who said it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Said {
    Name(String),
    Pronoun,
}

const VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "wrote",
    "writes",
    "added",
    "adds",
    "explained",
    "explains",
    "noted",
    "notes",
    "argued",
    "argues",
    "stated",
    "states",
    "reported",
    "reports",
    "warned",
    "warns",
    "claimed",
    "claims",
    "insisted",
    "insists",
    "observed",
    "observes",
    "declared",
    "declares",
    "remarked",
    "announced",
    "announces",
    "asked",
    "asks",
    "replied",
    "replies",
    "recalled",
    "recalls",
    "concluded",
    "concludes",
    "continued",
    "continues",
    "tweeted",
    "posted",
    "admitted",
    "admits",
    "estimated",
    "estimates",
    "predicted",
    "predicts",
];
const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i", "you", "one"];
/// Words that start sentences and so are capitalised, but are no part of a name.
const LEADS: &[&str] = &[
    "as",
    "but",
    "and",
    "so",
    "then",
    "yet",
    "when",
    "while",
    "because",
    "also",
    "later",
    "yesterday",
    "today",
    "here",
    "there",
    "now",
    "still",
    "indeed",
    "instead",
    "meanwhile",
];
const CONNECTORS: &[&str] = &[
    "of", "for", "and", "de", "del", "della", "di", "du", "des", "la", "le", "van", "von", "der",
    "den", "al", "bin", "da", "dos",
];

/// A word without the punctuation around it, in lower case.
fn bare(word: &str) -> String {
    word.trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

fn is_verb(word: &str) -> bool {
    VERBS.contains(&bare(word).as_str())
}

fn capitalised(word: &str) -> bool {
    let w = word.trim_start_matches(|c: char| !c.is_alphanumeric());
    w.chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        || w.chars().any(|c| c.is_uppercase()) && w.chars().count() > 1
}

/// Who said the quotation, from the words right after its closing mark:
/// ", Reuters said", " said Zhang", ", according to the IEA", ", he said".
pub(crate) fn after(text: &str) -> Option<Said> {
    let text = text.trim_start_matches(|c: char| c.is_whitespace() || ",;:—–-".contains(c));
    let words: Vec<&str> = text.split_whitespace().take(12).collect();
    if words.len() >= 2 && bare(words[0]) == "according" && bare(words[1]) == "to" {
        return name_from(&words[2..]).map(Said::Name);
    }
    let first = words.first()?;
    if is_verb(first) {
        if let Some(w) = words.get(1) {
            if PRONOUNS.contains(&bare(w).as_str()) {
                return Some(Said::Pronoun);
            }
        }
        return name_from(&words[1..]).map(Said::Name);
    }
    if PRONOUNS.contains(&bare(first).as_str()) && words.get(1).is_some_and(|w| is_verb(w)) {
        return Some(Said::Pronoun);
    }
    let (name, used) = name_run(&words)?;
    let rest = &words[used..];
    let verb_next = rest.first().is_some_and(|w| is_verb(w))
        || (rest.len() >= 2
            && ["has", "had", "have"].contains(&bare(rest[0]).as_str())
            && is_verb(rest[1]));
    (verb_next && !words[used - 1].ends_with([',', '.', ';'])).then_some(Said::Name(name))
}

/// Who said the quotation, from the words right before its opening mark:
/// "Reuters said:", "Zhang writes that", "According to the IEA,", "As Doe put it,".
pub(crate) fn before(text: &str) -> Option<Said> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let words = &words[words.len().saturating_sub(14)..];
    let mut end = words.len();
    if end > 0 && bare(words[end - 1]) == "that" {
        end -= 1;
    }
    let words = &words[..end];
    if let Some(last) = words.last() {
        if is_verb(last) {
            let (name, _) = name_run_backwards(&words[..words.len() - 1])?;
            return Some(name);
        }
    }
    // "According to NAME," and "As NAME put it," / "In the words of NAME,".
    let lower: Vec<String> = words.iter().map(|w| bare(w)).collect();
    for k in (0..lower.len()).rev() {
        let intro = match lower[k].as_str() {
            "according" if lower.get(k + 1).is_some_and(|w| w == "to") => k + 2,
            "as" => k + 1,
            "of" if k >= 2 && lower[k - 2] == "the" && lower[k - 1] == "words" => k + 1,
            _ => continue,
        };
        if let Some((name, used)) = name_run(&words[intro..]) {
            let tail = &lower[intro + used..];
            let fits = tail.is_empty()
                || (lower[k] == "as"
                    && matches!(tail.first().map(String::as_str), Some(w) if is_verb(w) || w == "put"));
            if fits {
                return Some(Said::Name(name));
            }
        }
        return None;
    }
    None
}

/// A name at the start of `words`, or a pronoun-free run after a verb.
fn name_from(words: &[&str]) -> Option<String> {
    name_run(words).map(|(name, _)| name)
}

/// The run of capitalised words at the start: its text and how many words it used.
fn name_run(words: &[&str]) -> Option<(String, usize)> {
    let mut used = 0;
    if words.first().is_some_and(|w| bare(w) == "the") {
        used = 1;
    }
    let mut parts: Vec<&str> = Vec::new();
    while used < words.len() && parts.len() < 6 {
        let w = words[used];
        let connector = CONNECTORS.contains(&bare(w).as_str());
        if capitalised(w) && !PRONOUNS.contains(&bare(w).as_str()) {
            parts.push(w);
            used += 1;
            if w.ends_with([',', '.', ';', ':', ')']) {
                break;
            }
        } else if connector
            && !parts.is_empty()
            && words.get(used + 1).is_some_and(|n| capitalised(n))
        {
            parts.push(w);
            used += 1;
        } else {
            break;
        }
    }
    if parts.is_empty() {
        return None;
    }
    Some((clean_name(&parts.join(" ")), used))
}

/// The run of capitalised words ending the slice: the speaker before a verb.
fn name_run_backwards(words: &[&str]) -> Option<(Said, usize)> {
    let last = words.last()?;
    if PRONOUNS.contains(&bare(last).as_str()) {
        return Some((Said::Pronoun, 1));
    }
    let mut start = words.len();
    while start > 0 && words.len() - start < 6 {
        let w = words[start - 1];
        let inner = start < words.len();
        if inner && w.ends_with([',', '.', ';', ':', '!', '?']) {
            break;
        }
        if bare(w) == "the" && inner {
            // "the IEA": the article starts the name.
            start -= 1;
            break;
        }
        let connector = CONNECTORS.contains(&bare(w).as_str()) && inner;
        if capitalised(w) || connector {
            start -= 1;
        } else {
            break;
        }
    }
    // Capitalised only for starting the sentence: "As Jane Doe wrote".
    while start < words.len()
        && (CONNECTORS.contains(&bare(words[start]).as_str())
            || LEADS.contains(&bare(words[start]).as_str()))
    {
        start += 1;
    }
    if start == words.len() {
        return None;
    }
    let name = clean_name(&words[start..].join(" "));
    (!name.is_empty()).then_some((Said::Name(name), words.len() - start))
}

/// A name without surrounding punctuation, a leading "the" or a possessive.
fn clean_name(name: &str) -> String {
    let name = name.trim_matches(|c: char| !c.is_alphanumeric());
    let name = name
        .strip_prefix("the ")
        .or_else(|| name.strip_prefix("The "))
        .unwrap_or(name);
    let name = name
        .strip_suffix("’s")
        .or_else(|| name.strip_suffix("'s"))
        .unwrap_or(name);
    name.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn name(s: Option<Said>) -> String {
        match s {
            Some(Said::Name(n)) => n,
            Some(Said::Pronoun) => "(pronoun)".into(),
            None => "-".into(),
        }
    }

    #[test]
    fn names_after_a_quotation() {
        let cases = [
            (", Reuters said.", "Reuters"),
            (" said Zhang Wei, the minister.", "Zhang Wei"),
            (
                ", according to the International Energy Agency.",
                "International Energy Agency",
            ),
            (", the Bank of England said on Tuesday.", "Bank of England"),
            (" Zhang told reporters.", "Zhang"),
            (", she said.", "(pronoun)"),
            (", said he.", "(pronoun)"),
            (" and then prices fell.", "-"),
            (" The market, however, rose.", "-"),
            (", Doe has said.", "Doe"),
        ];
        for (text, expected) in cases {
            assert_eq!(name(after(text)), expected, "after {text:?}");
        }
    }

    #[test]
    fn names_before_a_quotation() {
        let cases = [
            ("Yesterday the IEA said: ", "IEA"),
            ("Zhang writes that ", "Zhang"),
            ("According to Reuters, ", "Reuters"),
            ("As Jane Doe put it, ", "Jane Doe"),
            ("In the words of the New York Times, ", "New York Times"),
            ("He wrote: ", "(pronoun)"),
            ("The report is clear: ", "-"),
            ("Prices rose, and Doe argued ", "Doe"),
            ("As Jane Doe wrote: ", "Jane Doe"),
        ];
        for (text, expected) in cases {
            assert_eq!(name(before(text)), expected, "before {text:?}");
        }
    }
}
