//! Text-fragment links (`#:~:text=`), so a browser opens the page scrolled to the
//! quote and highlights it, built to the WICG Text Fragments rules: the terms are
//! percent-encoded, including `-`, `&` and `,` which the syntax uses itself; a long
//! quote is given by its first and last words (`start,end`); a quote that occurs
//! more than once on the page also carries the words around it (`prefix-,` and
//! `,-suffix`) to tell the occurrences apart.

/// Quotes longer than this many characters are linked by their first and last words.
const LONG_QUOTE: usize = 80;
/// Words taken from each end of a long quote, and of its context.
const EDGE_WORDS: usize = 4;

/// What a text fragment is built from.
#[derive(Debug, Clone, Copy)]
pub struct Fragment<'a> {
    pub quote: &'a str,
    /// Text just before and after the quote in the source.
    pub prefix: &'a str,
    pub suffix: &'a str,
    /// Whether the quote occurs more than once in the source text.
    pub repeated: bool,
}

/// `url` with a text fragment for the quote (an existing `#fragment` is replaced).
pub fn link(url: &str, fragment: &Fragment<'_>) -> String {
    let base = url.split('#').next().unwrap_or(url);
    let quote = collapse(fragment.quote);
    if quote.is_empty() {
        return base.to_owned();
    }
    let mut directive = String::from("#:~:text=");
    if fragment.repeated {
        let before = last_words(&collapse(fragment.prefix), EDGE_WORDS);
        if !before.is_empty() {
            directive.push_str(&encode(&before));
            directive.push_str("-,");
        }
    }
    if quote.chars().count() > LONG_QUOTE {
        let words: Vec<&str> = quote.split(' ').collect();
        if words.len() > 2 * EDGE_WORDS {
            directive.push_str(&encode(&words[..EDGE_WORDS].join(" ")));
            directive.push(',');
            directive.push_str(&encode(&words[words.len() - EDGE_WORDS..].join(" ")));
        } else {
            directive.push_str(&encode(&quote));
        }
    } else {
        directive.push_str(&encode(&quote));
    }
    if fragment.repeated {
        let after = first_words(&collapse(fragment.suffix), EDGE_WORDS);
        if !after.is_empty() {
            directive.push_str(",-");
            directive.push_str(&encode(&after));
        }
    }
    format!("{base}{directive}")
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The last `n` words of the context before a quote, never its first word: the
/// context was cut at a fixed length and may begin mid-word.
fn last_words(s: &str, n: usize) -> String {
    let words: Vec<&str> = s.split(' ').filter(|w| !w.is_empty()).skip(1).collect();
    words[words.len().saturating_sub(n)..].join(" ")
}

/// The first `n` words of the context after a quote, never its last (cut) word.
fn first_words(s: &str, n: usize) -> String {
    let words: Vec<&str> = s.split(' ').filter(|w| !w.is_empty()).collect();
    words[..words.len().saturating_sub(1)]
        .iter()
        .take(n)
        .copied()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Percent-encodes everything but unreserved characters (so `-`, `&`, `,` and
/// spaces are encoded too), UTF-8 byte by byte.
fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 3);
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(quote: &str, prefix: &str, suffix: &str, repeated: bool, expect: &str) {
        let got = link(
            "https://example.org/a?x=1#top",
            &Fragment {
                quote,
                prefix,
                suffix,
                repeated,
            },
        );
        assert_eq!(got, expect, "quote {quote:?}");
    }

    #[test]
    fn fragments_follow_the_text_fragments_syntax() {
        check(
            "abused its dominant position",
            "",
            "",
            false,
            "https://example.org/a?x=1#:~:text=abused%20its%20dominant%20position",
        );
        check(
            "state-owned, 5% & more",
            "",
            "",
            false,
            "https://example.org/a?x=1#:~:text=state%2Downed%2C%205%25%20%26%20more",
        );
        check(
            "café\nnews",
            "",
            "",
            false,
            "https://example.org/a?x=1#:~:text=caf%C3%A9%20news",
        );
        check(
            "The penalty follows a months-long antitrust investigation into the e-commerce giant, which regulators said had abused",
            "",
            "",
            false,
            "https://example.org/a?x=1#:~:text=The%20penalty%20follows%20a,regulators%20said%20had%20abused",
        );
        check(
            "the fine",
            "on Saturday. Analysts said",
            " removes a cloud of uncertainty",
            true,
            "https://example.org/a?x=1#:~:text=Saturday.%20Analysts%20said-,the%20fine,-removes%20a%20cloud%20of",
        );
    }
}
