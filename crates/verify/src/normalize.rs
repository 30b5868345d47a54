//! The typographic normalisation every comparison starts from, declared here once.
//!
//! A quote retyped from a source rarely keeps its typography: curly marks become
//! straight, an em dash becomes two hyphens, a line break or a non-breaking space
//! becomes a space, a soft hyphen from a web page disappears. None of that changes
//! a word, so none of it may make a quote "altered". The rules, and only these:
//!
//! 1. Unicode canonical composition (NFC): `e` + U+0301 is `é`.
//! 2. Quote marks: `‘ ’ ‚ ‛ ′ ´ \`` become `'`; `“ ” „ ‟ ″ « » ‹ › 「 」 『 』` become `"`;
//!    and where a mark stands alone (not an apostrophe inside a word) the
//!    comparison takes `'` and `"` as the same, since a quotation inside a
//!    quotation swaps them.
//! 3. Dashes: hyphen, non-breaking hyphen, figure, en, em and horizontal-bar dashes,
//!    the minus sign and runs of them (`--`) become one `-`.
//! 4. Ellipses: `...` (or more dots) and `. . .` become `…`.
//! 5. Spaces: every run of Unicode white space, non-breaking and narrow spaces and
//!    line breaks included, becomes one space; the ends are trimmed.
//! 6. Invisible characters are removed: soft hyphens, zero-width spaces and joiners
//!    used as word joiners, byte-order marks.
//! 7. [`normalize`] also folds the case of the first letter, since a quote may start
//!    mid-sentence with a capital the source does not have. The comparison applies
//!    this rule to the first word of each part of a quote instead.
//!
//! The result keeps, for every character, the offset of the character it came from,
//! so a match found in normalised text is reported in the original's offsets.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Text after the typographic normalisation, with a map back to the original.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Normalized {
    pub text: String,
    /// For each character of `text`, the char offset in the original it came from.
    pub map: Vec<usize>,
    /// Length of the original in characters, the end of the last mapped range.
    pub original_len: usize,
}

impl Normalized {
    /// The original char range that the normalised chars `start..end` came from.
    pub fn original_span(&self, start: usize, end: usize) -> (usize, usize) {
        if start >= end || start >= self.map.len() {
            let at = self.map.get(start).copied().unwrap_or(self.original_len);
            return (at, at);
        }
        let end = end.min(self.map.len());
        (self.map[start], self.map[end - 1] + 1)
    }
}

/// Normalises text by the declared rules, folding the case of its first letter.
pub fn normalize(text: &str) -> Normalized {
    let mut n = fold(text);
    if let Some(first) = n.text.chars().position(char::is_alphabetic) {
        let mut chars: Vec<char> = n.text.chars().collect();
        let lower: Vec<char> = chars[first].to_lowercase().collect();
        // Lower-casing almost always keeps one char; when it does not (İ), the map
        // gives every produced char the same origin.
        let origin = n.map[first];
        chars.splice(first..=first, lower.iter().copied());
        n.map.splice(first..=first, lower.iter().map(|_| origin));
        n.text = chars.into_iter().collect();
    }
    n
}

/// The rules without the case fold: what passages and quotes are compared in.
pub(crate) fn fold(text: &str) -> Normalized {
    let composed = compose(text);
    let mut out = String::with_capacity(text.len());
    let mut map = Vec::with_capacity(composed.len());
    let mut pending_space: Option<usize> = None;
    let mut i = 0;
    while i < composed.len() {
        let (c, at) = composed[i];
        i += 1;
        if c.is_whitespace() {
            pending_space.get_or_insert(at);
            continue;
        }
        if is_invisible(c) {
            continue;
        }
        let mapped = if is_dash(c) {
            while i < composed.len() && is_dash(composed[i].0) {
                i += 1;
            }
            '-'
        } else if c == '.' && dots_ahead(&composed, i - 1) {
            i = skip_ellipsis(&composed, i - 1);
            '…'
        } else {
            quote_mark(c).unwrap_or(c)
        };
        if let Some(space_at) = pending_space.take() {
            if !out.is_empty() {
                out.push(' ');
                map.push(space_at);
            }
        }
        out.push(mapped);
        map.push(at);
    }
    Normalized {
        text: out,
        map,
        original_len: text.chars().count(),
    }
}

/// The text in NFC, each char with the offset of the original char it starts at.
/// Only clusters with combining marks, and non-ASCII singletons, go through NFC:
/// plain text passes untouched, which keeps the common case fast.
fn compose(text: &str) -> Vec<(char, usize)> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let start = i;
        i += 1;
        while i < chars.len() && is_combining_mark(chars[i]) {
            i += 1;
        }
        if i - start == 1 && chars[start].is_ascii() {
            out.push((chars[start], start));
            continue;
        }
        let cluster: String = chars[start..i].iter().collect();
        out.extend(cluster.nfc().map(|c| (c, start)));
    }
    out
}

fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{200B}' | '\u{200C}' | '\u{2060}' | '\u{FEFF}'
    )
}

pub(crate) fn is_dash(c: char) -> bool {
    matches!(
        c,
        '-' | '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}'
    )
}

/// The straight mark a quote mark or apostrophe stands for.
pub(crate) fn quote_mark(c: char) -> Option<char> {
    match c {
        '\'' | '‘' | '’' | '‚' | '‛' | '′' | '´' | '`' => Some('\''),
        '"' | '“' | '”' | '„' | '‟' | '″' | '«' | '»' | '‹' | '›' | '「' | '」' | '『' | '』' => {
            Some('"')
        }
        _ => None,
    }
}

/// Whether an ellipsis written with dots starts at `i`: `...` or `. . .`.
fn dots_ahead(chars: &[(char, usize)], i: usize) -> bool {
    let at = |k: usize| chars.get(k).map(|(c, _)| *c);
    (at(i + 1) == Some('.') && at(i + 2) == Some('.'))
        || (at(i + 1) == Some(' ')
            && at(i + 2) == Some('.')
            && at(i + 3) == Some(' ')
            && at(i + 4) == Some('.'))
}

/// The index just after the ellipsis that starts at `i`.
fn skip_ellipsis(chars: &[(char, usize)], i: usize) -> usize {
    let at = |k: usize| chars.get(k).map(|(c, _)| *c);
    if at(i + 1) == Some(' ') {
        return i + 5;
    }
    let mut j = i;
    while at(j) == Some('.') {
        j += 1;
    }
    j
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_declared_rule_applies_and_offsets_point_back() {
        let cases = [
            ("“Don’t” — he said", "\"don't\" - he said"),
            ("The\u{00A0}rate\nrose", "the rate rose"),
            ("eco\u{00AD}nomy", "economy"),
            ("wait -- what", "wait - what"),
            ("and... then . . . so", "and… then … so"),
            ("Cafe\u{0301} «ouvert»", "café \"ouvert\""),
            ("  trimmed \t ", "trimmed"),
            ("‚Zitat‘ „gut“", "'zitat' \"gut\""),
        ];
        for (input, expected) in cases {
            let n = normalize(input);
            assert_eq!(n.text, expected, "normalising {input:?}");
            assert_eq!(
                n.map.len(),
                n.text.chars().count(),
                "one origin per char for {input:?}"
            );
        }
        let n = normalize("a\u{00AD}b  c");
        assert_eq!(
            n.original_span(3, 4),
            (5, 6),
            "the c after a soft hyphen and two spaces is the sixth char of the original"
        );
        assert_eq!(n.original_span(0, 2), (0, 3), "ab spans the soft hyphen");
    }
}
