//! The quote's texts as small numbers, and the passage's tokens mapped onto them.
//!
//! The alignment table and the window votes compare tokens millions of times in
//! a draft's check; comparing numbers instead of strings makes that cheap. The
//! numbering is per comparison and built from the quote's side (a few dozen
//! texts), so a passage is only looked up, never copied into a dictionary of its
//! own: most passages are compared with one quote only. The table is a few
//! buckets by first byte, each a short list: with a few dozen texts a lookup is
//! a byte and one or two string comparisons, cheaper than hashing every token.

use super::pattern::{ElemKind, Pattern};
use super::{canonical, lower, Passage};

/// A passage token whose text is none of the quote's.
pub(crate) const ABSENT: u32 = u32::MAX;
/// An unused slot of a [`Key`]; never equal to a token's id.
const UNUSED: u32 = u32::MAX - 1;

/// The ids a literal quote token matches: its text and, when the case of its
/// first letter is folded, the text with that letter in lower and upper case.
pub(crate) type Key = [u32; 3];

pub(crate) struct Ids {
    /// Per quote token, the key of the literal read from it.
    pub keys: Vec<Key>,
    /// Per passage token, the id of its text, or [`ABSENT`].
    pub tokens: Vec<u32>,
    /// The quote's words in lower case (in [`Pattern::words_lower`] order), as ids.
    pub quote_words: Vec<u32>,
    /// How many distinct lower-case words the quote has.
    pub distinct_words: usize,
    /// The passage's words: token index and lower-case id, or [`ABSENT`].
    pub words: Vec<(usize, u32)>,
}

/// The quote's texts, numbered in order of first appearance.
struct Table {
    buckets: Vec<Vec<(String, u32)>>,
    len: u32,
}

impl Table {
    const BUCKETS: usize = 64;

    fn new() -> Table {
        Table {
            buckets: vec![Vec::new(); Self::BUCKETS],
            len: 0,
        }
    }

    fn bucket(text: &str) -> usize {
        text.as_bytes()
            .first()
            .map_or(0, |b| *b as usize % Self::BUCKETS)
    }

    fn get(&self, text: &str) -> Option<u32> {
        self.buckets[Self::bucket(text)]
            .iter()
            .find(|(t, _)| t == text)
            .map(|(_, id)| *id)
    }

    fn id_of(&mut self, text: &str) -> u32 {
        if let Some(id) = self.get(text) {
            return id;
        }
        let id = self.len;
        self.buckets[Self::bucket(text)].push((text.to_owned(), id));
        self.len += 1;
        id
    }
}

impl Ids {
    pub fn new(q: &Pattern, p: &Passage) -> Ids {
        let mut texts = Table::new();
        let mut keys = vec![[UNUSED; 3]; q.tokens.len()];
        for e in q.elems() {
            let ElemKind::Lit { fold_first } = e.kind else {
                continue;
            };
            let text = q.text_of(e.toks.0);
            let mut key = [texts.id_of(canonical(text)), UNUSED, UNUSED];
            if fold_first {
                let mut chars = text.chars();
                if let Some(first) = chars.next() {
                    let rest = chars.as_str();
                    key[1] = texts.id_of(&format!("{}{rest}", first.to_lowercase()));
                    key[2] = texts.id_of(&format!("{}{rest}", first.to_uppercase()));
                }
            }
            keys[e.toks.0] = key;
        }
        let tokens = p
            .tokens
            .iter()
            .map(|t| texts.get(canonical(t.text(&p.norm.text))).unwrap_or(ABSENT))
            .collect();
        let mut lowers = Table::new();
        let quote_words = q.words_lower().iter().map(|w| lowers.id_of(w)).collect();
        let words = p
            .tokens
            .iter()
            .enumerate()
            .filter(|(_, t)| t.is_word())
            .map(|(k, t)| {
                (
                    k,
                    lowers.get(&lower(t.text(&p.norm.text))).unwrap_or(ABSENT),
                )
            })
            .collect();
        Ids {
            keys,
            tokens,
            quote_words,
            distinct_words: lowers.len as usize,
            words,
        }
    }

    /// How many of the quote's distinct words the passage has.
    pub fn shared_words(&self) -> usize {
        let mut seen = vec![false; self.distinct_words];
        for &(_, id) in &self.words {
            if id != ABSENT {
                seen[id as usize] = true;
            }
        }
        seen.iter().filter(|s| **s).count()
    }
}
