//! A quote read as a pattern over source tokens: literal words, ellipses, brackets.
//!
//! Writers mark their changes to a quote in two ways the comparison must honour:
//! an ellipsis (`…`, `...`, `[...]`, `[…]`) says words were left out, so the quote
//! splits into parts that must appear in order; square brackets say words were
//! put in or replaced (`[the company]`, `[sic]`, `[T]he`), so a bracket matches a
//! few source words, none (`[sic]`), or the rest of one word (`[T]he`). Everything
//! else is literal. Punctuation at the edges of each part is dropped, because
//! quoting conventions move it ("strong," for the source's "strong and").

use super::tokens_of;
use crate::normalize::{fold, Normalized};
use crate::tokens::{Kind, Token};

/// How many source tokens a bracketed substitution may stand for: "[the
/// company]" replaces "it" or "Acme Inc.", never a paragraph.
pub(crate) const MAX_BRACKET_TOKENS: usize = 12;

/// A quote parsed once and compared with any number of passages.
#[derive(Debug, Clone)]
pub struct Pattern {
    pub(crate) norm: Normalized,
    pub(crate) tokens: Vec<Token>,
    /// The quote as given, by char, for reporting its original spelling.
    pub(crate) original: Vec<char>,
    pub(crate) segments: Vec<Vec<Elem>>,
    pub(crate) elided: bool,
    pub(crate) bracketed: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum GlobPart {
    Lit(String),
    Any,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ElemKind {
    /// One token that must be equal (with the first letter folded if asked).
    Lit { fold_first: bool },
    /// One source word matched against literal parts and bracketed wildcards.
    Glob { parts: Vec<GlobPart> },
    /// A bracketed substitution standing for up to `max` source tokens.
    Gap { max: usize },
}

/// An element of a quote part, with the range of quote tokens it was read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Elem {
    pub kind: ElemKind,
    pub toks: (usize, usize),
}

impl Elem {
    pub fn is_word(&self, tokens: &[Token]) -> bool {
        match self.kind {
            ElemKind::Lit { .. } => tokens[self.toks.0].is_word(),
            ElemKind::Glob { .. } => true,
            ElemKind::Gap { .. } => false,
        }
    }
}

impl Pattern {
    /// Reads a quote as written (quote marks already removed).
    pub fn new(quote: &str) -> Pattern {
        let norm = fold(quote);
        let tokens = tokens_of(&norm);
        let mut p = Pattern {
            original: quote.chars().collect(),
            segments: vec![Vec::new()],
            elided: false,
            bracketed: false,
            norm,
            tokens,
        };
        p.read_elements();
        p.trim_segments();
        p
    }

    pub(crate) fn text_of(&self, tok: usize) -> &str {
        self.tokens[tok].text(&self.norm.text)
    }

    /// The number of words the quote must match literally.
    pub fn word_count(&self) -> usize {
        self.elems().filter(|e| e.is_word(&self.tokens)).count()
    }

    pub(crate) fn elems(&self) -> impl Iterator<Item = &Elem> {
        self.segments.iter().flatten()
    }

    /// The words of the quote in lower case, in order: what candidate retrieval
    /// and the quick rejection of unrelated passages look at.
    pub(crate) fn words_lower(&self) -> Vec<String> {
        self.elems()
            .filter(|e| matches!(e.kind, ElemKind::Lit { .. }) && e.is_word(&self.tokens))
            .map(|e| self.text_of(e.toks.0).to_lowercase())
            .collect()
    }

    fn read_elements(&mut self) {
        let n = self.tokens.len();
        let mut i = 0;
        while i < n {
            let text = self.text_of(i);
            if text == "…" {
                self.new_segment();
                i += 1;
                continue;
            }
            if text == "[" {
                if let Some(close) = self.closing_bracket(i) {
                    i = self.read_bracket(i, close);
                    continue;
                }
            }
            let fold_first = !self.current().iter().any(|e| e.is_word(&self.tokens));
            self.push(ElemKind::Lit { fold_first }, (i, i + 1));
            i += 1;
        }
    }

    fn closing_bracket(&self, open: usize) -> Option<usize> {
        (open + 1..self.tokens.len().min(open + 40))
            .take_while(|&j| self.text_of(j) != "[")
            .find(|&j| self.text_of(j) == "]")
    }

    /// Reads `[ ... ]` at tokens `open..=close`; returns the next token to read.
    fn read_bracket(&mut self, open: usize, close: usize) -> usize {
        let inner: Vec<String> = (open + 1..close)
            .map(|j| self.text_of(j).to_owned())
            .collect();
        if inner.is_empty() || inner == ["…"] {
            self.new_segment();
            return close + 1;
        }
        self.bracketed = true;
        let glued = |a: usize, b: usize| self.tokens[a].chars.1 == self.tokens[b].chars.0;
        let left = open > 0 && self.tokens[open - 1].is_word() && glued(open - 1, open);
        let right = close + 1 < self.tokens.len()
            && self.tokens[close + 1].is_word()
            && glued(close, close + 1);
        if left || right {
            // "[T]he", "compan[ies]": the bracket is part of one word.
            let mut parts = Vec::new();
            let mut first = open;
            if left && matches!(self.current().last(), Some(e) if e.toks == (open - 1, open)) {
                self.current_mut().pop();
                parts.push(GlobPart::Lit(self.text_of(open - 1).to_owned()));
                first = open - 1;
            }
            parts.push(GlobPart::Any);
            let mut next = close + 1;
            if right {
                parts.push(GlobPart::Lit(self.text_of(close + 1).to_owned()));
                next = close + 2;
            }
            self.push(ElemKind::Glob { parts }, (first, next));
            return next;
        }
        let sic = inner.len() <= 2 && inner[0].eq_ignore_ascii_case("sic");
        if !sic {
            self.push(
                ElemKind::Gap {
                    max: MAX_BRACKET_TOKENS,
                },
                (open, close + 1),
            );
        }
        close + 1
    }

    fn current(&self) -> &Vec<Elem> {
        self.segments
            .last()
            .expect("a pattern always has a segment")
    }

    fn current_mut(&mut self) -> &mut Vec<Elem> {
        self.segments
            .last_mut()
            .expect("a pattern always has a segment")
    }

    fn push(&mut self, kind: ElemKind, toks: (usize, usize)) {
        self.current_mut().push(Elem { kind, toks });
    }

    fn new_segment(&mut self) {
        self.elided = true;
        if !self.current().is_empty() {
            self.segments.push(Vec::new());
        }
    }

    /// Drops punctuation and brackets at the edges of each part: they constrain
    /// nothing there, and quoting conventions change edge punctuation.
    fn trim_segments(&mut self) {
        let tokens = &self.tokens;
        let droppable = |e: &Elem| match e.kind {
            ElemKind::Lit { .. } => tokens[e.toks.0].kind == Kind::Punct,
            ElemKind::Gap { .. } => true,
            ElemKind::Glob { .. } => false,
        };
        for seg in &mut self.segments {
            while seg.last().is_some_and(droppable) {
                seg.pop();
            }
            let lead = seg.iter().take_while(|e| droppable(e)).count();
            seg.drain(..lead);
        }
        self.segments.retain(|s| !s.is_empty());
    }
}

/// Whether a word matches a glob: literal parts in order, `Any` for any run of
/// characters; the first letter's case is folded as for a quote's first word.
pub(crate) fn glob_matches(parts: &[GlobPart], word: &str) -> bool {
    let word: Vec<char> = word.chars().collect();
    let parts: Vec<(bool, Vec<char>)> = parts
        .iter()
        .map(|p| match p {
            GlobPart::Lit(s) => (false, s.chars().collect()),
            GlobPart::Any => (true, Vec::new()),
        })
        .collect();
    glob_at(&parts, &word, 0)
}

fn glob_at(parts: &[(bool, Vec<char>)], word: &[char], at: usize) -> bool {
    let Some(((any, lit), rest)) = parts.split_first() else {
        return at == word.len();
    };
    if *any {
        return (at..=word.len()).any(|k| glob_at(rest, word, k));
    }
    let end = at + lit.len();
    end <= word.len()
        && lit
            .iter()
            .zip(&word[at..end])
            .enumerate()
            .all(|(k, (a, b))| a == b || (at + k == 0 && a.to_lowercase().eq(b.to_lowercase())))
        && glob_at(rest, word, end)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The pattern in a compact notation: parts split by `|`, gaps as `[..]`,
    /// globs as `{...}`, folded first words marked with `^`.
    fn shape(quote: &str) -> String {
        let p = Pattern::new(quote);
        let segs: Vec<String> = p
            .segments
            .iter()
            .map(|seg| {
                seg.iter()
                    .map(|e| match &e.kind {
                        ElemKind::Lit { fold_first: true } => format!("^{}", p.text_of(e.toks.0)),
                        ElemKind::Lit { .. } => p.text_of(e.toks.0).to_owned(),
                        ElemKind::Gap { .. } => "[..]".to_owned(),
                        ElemKind::Glob { parts } => format!("{{{parts:?}}}"),
                    })
                    .collect::<Vec<_>>()
                    .join(" ")
            })
            .collect();
        format!("{} e={} b={}", segs.join(" | "), p.elided, p.bracketed)
    }

    #[test]
    fn ellipses_brackets_and_edge_punctuation_are_read() {
        let cases = [
            ("The rate, he said.", "^The rate , he said e=false b=false"),
            ("growth … will slow", "^growth | ^will slow e=true b=false"),
            (
                "growth [...] will slow",
                "^growth | ^will slow e=true b=false",
            ),
            ("…and then it rose...", "^and then it rose e=true b=false"),
            ("[the company] will grow", "^will grow e=false b=true"),
            ("sales [of cars] fell", "^sales [..] fell e=false b=true"),
            ("it was teh [sic] best", "^it was teh best e=false b=true"),
            ("[T]he plan", "{[Any, Lit(\"he\")]} plan e=false b=true"),
            (
                "an [unclosed bracket",
                "^an [ unclosed bracket e=false b=false",
            ),
        ];
        for (quote, expected) in cases {
            assert_eq!(shape(quote), expected, "pattern of {quote:?}");
        }
    }

    #[test]
    fn globs_keep_the_letters_outside_brackets() {
        let glob = |s: &str| Pattern::new(s).segments[0][0].kind.clone();
        let ElemKind::Glob { parts } = glob("[T]he") else {
            panic!("[T]he is a glob")
        };
        assert!(glob_matches(&parts, "the"));
        assert!(
            glob_matches(&parts, "She"),
            "any letters may stand in the bracket"
        );
        assert!(
            !glob_matches(&parts, "this"),
            "the letters outside must match"
        );
        let ElemKind::Glob { parts } = glob("compan[ies]") else {
            panic!("compan[ies] is a glob")
        };
        assert!(glob_matches(&parts, "company"));
        assert!(!glob_matches(&parts, "compass"));
    }
}
