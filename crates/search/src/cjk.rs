//! A tokenizer for text that mixes scripts: runs of letters and digits become
//! words, as in `SimpleTokenizer`, while Chinese, Japanese and Korean characters,
//! written without spaces between words, become overlapping pairs of characters
//! (bigrams). A query in Chinese is cut the same way, and the query parser turns
//! its bigrams into a phrase, so "新电脑" finds exactly that sequence.

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

#[derive(Clone, Default)]
pub(crate) struct MixedTokenizer;

pub(crate) struct MixedStream {
    tokens: Vec<Token>,
    index: usize,
}

pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF      // Hiragana, Katakana
        | 0x3400..=0x4DBF    // CJK Extension A
        | 0x4E00..=0x9FFF    // CJK Unified Ideographs
        | 0xAC00..=0xD7AF    // Hangul syllables
        | 0xF900..=0xFAFF    // CJK compatibility ideographs
        | 0x20000..=0x2FA1F) // CJK Extensions B and beyond
}

impl Tokenizer for MixedTokenizer {
    type TokenStream<'a> = MixedStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> MixedStream {
        let mut tokens = Vec::new();
        let mut position = 0;
        let mut push = |tokens: &mut Vec<Token>, from: usize, to: usize| {
            tokens.push(Token {
                offset_from: from,
                offset_to: to,
                position,
                text: text[from..to].to_owned(),
                position_length: 1,
            });
            position += 1;
        };
        let chars: Vec<(usize, char)> = text.char_indices().collect();
        let end_of = |i: usize| chars.get(i + 1).map_or(text.len(), |(b, _)| *b);
        let mut i = 0;
        while i < chars.len() {
            let (start, c) = chars[i];
            if is_cjk(c) {
                let mut j = i;
                while j < chars.len() && is_cjk(chars[j].1) {
                    j += 1;
                }
                if j - i == 1 {
                    push(&mut tokens, start, end_of(i));
                } else {
                    for (k, &(from, _)) in chars.iter().enumerate().take(j - 1).skip(i) {
                        push(&mut tokens, from, end_of(k + 1));
                    }
                }
                i = j;
            } else if c.is_alphanumeric() {
                let mut j = i;
                while j < chars.len() && chars[j].1.is_alphanumeric() && !is_cjk(chars[j].1) {
                    j += 1;
                }
                push(&mut tokens, start, end_of(j - 1));
                i = j;
            } else {
                i += 1;
            }
        }
        MixedStream {
            tokens,
            index: usize::MAX,
        }
    }
}

impl TokenStream for MixedStream {
    fn advance(&mut self) -> bool {
        self.index = self.index.wrapping_add(1);
        self.index < self.tokens.len()
    }

    fn token(&self) -> &Token {
        &self.tokens[self.index]
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.tokens[self.index]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(text: &str) -> Vec<String> {
        let mut tokenizer = MixedTokenizer;
        let mut stream = tokenizer.token_stream(text);
        let mut out = Vec::new();
        while stream.advance() {
            out.push(stream.token().text.clone());
        }
        out
    }

    #[test]
    fn words_stay_words_and_cjk_becomes_bigrams() {
        assert_eq!(tokens("Café owners, 2024!"), vec!["Café", "owners", "2024"]);
        assert_eq!(
            tokens("DeepMind新电脑已可"),
            vec!["DeepMind", "新电", "电脑", "脑已", "已可"]
        );
        assert_eq!(tokens("人 工"), vec!["人", "工"]);
        assert_eq!(
            tokens("東京タワー と 서울"),
            vec!["東京", "京タ", "タワ", "ワー", "と", "서울"]
        );
    }
}
