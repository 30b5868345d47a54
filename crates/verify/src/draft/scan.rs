//! Citations written as text, found in a draft's text whatever its format:
//! Pandoc citations (`[@key]`, `[see @key, p. 4; @other]`, `@key says`) and bare
//! web addresses. A writer types both the same way in Markdown, in a Word file
//! and in plain text, so they are read from the finished text, not per format.

use super::{Link, PandocCite};

/// Pandoc citations: bracketed groups with at least one `@key`, and in-text
/// `@key` outside brackets. Offsets are chars; `end` is exclusive.
pub(crate) fn pandoc_citations(text: &str) -> Vec<PandocCite> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '[' {
            if let Some(close) = bracket_end(&chars, i) {
                let keys = keys_in(&chars[i + 1..close]);
                if !keys.is_empty() {
                    out.push(PandocCite {
                        start: i,
                        end: close + 1,
                        keys,
                    });
                    i = close + 1;
                    continue;
                }
            }
        }
        if chars[i] == '@' && (i == 0 || chars[i - 1].is_whitespace() || chars[i - 1] == '(') {
            if let Some((key, end)) = key_at(&chars, i + 1) {
                out.push(PandocCite {
                    start: i,
                    end,
                    keys: vec![key],
                });
                i = end;
                continue;
            }
        }
        i += 1;
    }
    out
}

/// The closing bracket of a group opened at `open`: same paragraph, no nesting,
/// not far away.
fn bracket_end(chars: &[char], open: usize) -> Option<usize> {
    let mut j = open + 1;
    while j < chars.len() && j < open + 400 {
        match chars[j] {
            ']' => return Some(j),
            '[' => return None,
            '\n' if chars.get(j + 1) == Some(&'\n') => return None,
            _ => j += 1,
        }
    }
    None
}

/// Keys of a bracketed group: each `@` at the start of an item (after `[`, `;`,
/// a space or `-` for a suppressed author).
fn keys_in(inner: &[char]) -> Vec<String> {
    let mut keys = Vec::new();
    for (k, &c) in inner.iter().enumerate() {
        let starts_item = k == 0 || matches!(inner[k - 1], ' ' | ';' | '-' | '\n');
        if c == '@' && starts_item {
            if let Some((key, _)) = key_at(inner, k + 1) {
                keys.push(key);
            }
        }
    }
    keys
}

/// A citation key starting at `at`: Pandoc's rule, a letter, digit or `_`, then
/// those and inner punctuation (`:.#$%&-+?<>~/`), never ending in punctuation;
/// or any text in braces.
fn key_at(chars: &[char], at: usize) -> Option<(String, usize)> {
    if chars.get(at) == Some(&'{') {
        let close = (at + 1..chars.len()).find(|&j| chars[j] == '}')?;
        let key: String = chars[at + 1..close].iter().collect();
        return (!key.is_empty()).then_some((key, close + 1));
    }
    let first = *chars.get(at)?;
    if !(first.is_alphanumeric() || first == '_') {
        return None;
    }
    let inner = |c: char| c.is_alphanumeric() || "_:.#$%&-+?<>~/".contains(c);
    let mut end = at;
    while end < chars.len() && inner(chars[end]) {
        end += 1;
    }
    while end > at && !(chars[end - 1].is_alphanumeric() || chars[end - 1] == '_') {
        end -= 1;
    }
    Some((chars[at..end].iter().collect(), end))
}

/// Addresses typed as text (`https://...`, `www....`), trailing punctuation and
/// unbalanced closing brackets left out, as a reader would.
pub(crate) fn bare_urls(text: &str) -> Vec<Link> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let starts = |p: &str| {
            p.chars()
                .enumerate()
                .all(|(k, c)| chars.get(i + k) == Some(&c))
        };
        let boundary = i == 0 || !chars[i - 1].is_alphanumeric();
        if boundary && (starts("https://") || starts("http://") || starts("www.")) {
            let mut end = i;
            while end < chars.len()
                && !chars[end].is_whitespace()
                && !"<>\"“”‘’«»".contains(chars[end])
            {
                end += 1;
            }
            while end > i && ".,;:!?'".contains(chars[end - 1]) {
                end -= 1;
            }
            while end > i && chars[end - 1] == ')' && !chars[i..end].contains(&'(') {
                end -= 1;
            }
            let url: String = chars[i..end].iter().collect();
            if url.len() > 8 {
                let url = if url.starts_with("www.") {
                    format!("https://{url}")
                } else {
                    url
                };
                out.push(Link { start: i, end, url });
            }
            i = end.max(i + 1);
            continue;
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pandoc_citations_in_brackets_and_in_text() {
        let text = "As [see @zhang2021, p. 4; -@doe:2020] said, and @smith_b says [not a cite] \
                    mail me at a@b.com [@{odd key}].";
        let found: Vec<(String, Vec<String>)> = pandoc_citations(text)
            .into_iter()
            .map(|c| {
                (
                    text.chars().skip(c.start).take(c.end - c.start).collect(),
                    c.keys,
                )
            })
            .collect();
        let expected: Vec<(String, Vec<String>)> = vec![
            (
                "[see @zhang2021, p. 4; -@doe:2020]".into(),
                vec!["zhang2021".into(), "doe:2020".into()],
            ),
            ("@smith_b".into(), vec!["smith_b".into()]),
            ("[@{odd key}]".into(), vec!["odd key".into()]),
        ];
        assert_eq!(found, expected, "an e-mail address is not a citation");
    }

    #[test]
    fn bare_addresses_stop_before_trailing_punctuation() {
        let text = "See https://example.com/a_(b) and (https://example.org/x). Or www.site.net.";
        let urls: Vec<String> = bare_urls(text).into_iter().map(|l| l.url).collect();
        assert_eq!(
            urls,
            [
                "https://example.com/a_(b)",
                "https://example.org/x",
                "https://www.site.net"
            ]
        );
    }
}
