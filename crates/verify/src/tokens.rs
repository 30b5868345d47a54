//! Words and punctuation of normalised text: the units quotes are compared in.
//!
//! Comparison is word by word, because a misquote is a changed word and a diff
//! a writer can read is a diff of words. Punctuation marks are tokens of their
//! own so that a dropped comma shows, but spacing is not a token at all: "word—word"
//! and "word — word" are the same three tokens. Numbers keep their inner separators
//! ("1,000", "3.5") and words their inner apostrophes ("don't"), so a changed digit
//! or contraction is one changed token. Chinese and Japanese characters are one
//! token each, since those scripts put no spaces between words.

use crate::normalize::Normalized;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Word,
    Punct,
}

/// A token of a [`Normalized`] text: byte range for its text, char range for
/// mapping back to the original.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Token {
    pub kind: Kind,
    pub bytes: (usize, usize),
    pub chars: (usize, usize),
}

impl Token {
    pub fn text<'a>(&self, norm: &'a str) -> &'a str {
        &norm[self.bytes.0..self.bytes.1]
    }

    pub fn is_word(&self) -> bool {
        self.kind == Kind::Word
    }
}

pub(crate) fn tokenize(norm: &Normalized) -> Vec<Token> {
    let chars: Vec<(usize, char)> = norm.text.char_indices().collect();
    let byte_end = |i: usize| chars.get(i).map_or(norm.text.len(), |(b, _)| *b);
    let mut tokens = Vec::with_capacity(chars.len() / 4);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i].1;
        if c == ' ' {
            i += 1;
            continue;
        }
        let start = i;
        if is_ideograph(c) {
            i += 1;
        } else if c.is_alphanumeric() {
            i += 1;
            while i < chars.len() && continues_word(&chars, i) {
                i += 1;
            }
        } else {
            i += 1;
        }
        let kind = if c.is_alphanumeric() || is_ideograph(c) {
            Kind::Word
        } else {
            Kind::Punct
        };
        tokens.push(Token {
            kind,
            bytes: (chars[start].0, byte_end(i)),
            chars: (start, i),
        });
    }
    tokens
}

fn continues_word(chars: &[(usize, char)], i: usize) -> bool {
    let c = chars[i].1;
    if is_ideograph(c) {
        return false;
    }
    if c.is_alphanumeric() || unicode_normalization::char::is_combining_mark(c) {
        return true;
    }
    let prev = chars[i - 1].1;
    let Some(&(_, next)) = chars.get(i + 1) else {
        return false;
    };
    match c {
        '\'' => prev.is_alphanumeric() && next.is_alphanumeric() && !is_ideograph(next),
        '.' | ',' => prev.is_ascii_digit() && next.is_ascii_digit(),
        _ => false,
    }
}

/// Han, kana and the CJK compatibility blocks: one word per character.
pub(crate) fn is_ideograph(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}' | '\u{20000}'..='\u{2FA1F}')
}

/// Whether two token texts are equal, with the case of the first letter folded
/// when `fold_first` is set (the first word of a quote or of a part after an
/// ellipsis may be capitalised differently from the source).
pub(crate) fn same(a: &str, b: &str, fold_first: bool) -> bool {
    if a == b {
        return true;
    }
    // A quotation inside a quotation swaps double and single marks: standing
    // alone, one is as good as the other.
    if matches!((a, b), ("'", "\"") | ("\"", "'")) {
        return true;
    }
    if !fold_first {
        return false;
    }
    let mut ac = a.chars();
    let mut bc = b.chars();
    match (ac.next(), bc.next()) {
        (Some(x), Some(y)) => x.to_lowercase().eq(y.to_lowercase()) && ac.as_str() == bc.as_str(),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::fold;

    fn words(text: &str) -> Vec<String> {
        let n = fold(text);
        tokenize(&n)
            .iter()
            .map(|t| t.text(&n.text).to_owned())
            .collect()
    }

    #[test]
    fn tokens_are_words_numbers_and_single_marks() {
        let cases: [(&str, &[&str]); 5] = [
            ("Don't stop—now!", &["Don't", "stop", "-", "now", "!"]),
            (
                "It cost $1,000.50 in 2021.",
                &["It", "cost", "$", "1,000.50", "in", "2021", "."],
            ),
            ("the U.S. said", &["the", "U", ".", "S", ".", "said"]),
            ("“quoted,” he", &["\"", "quoted", ",", "\"", "he"]),
            ("中国经济 grew", &["中", "国", "经", "济", "grew"]),
        ];
        for (input, expected) in cases {
            assert_eq!(words(input), expected, "tokens of {input:?}");
        }
    }

    #[test]
    fn only_the_first_letter_folds() {
        assert!(same("The", "the", true));
        assert!(!same("The", "the", false), "no folding unless asked");
        assert!(!same("tHe", "the", true), "only the first letter folds");
        assert!(same("'", "\"", false), "nested quotation marks swap");
    }
}
