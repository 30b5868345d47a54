//! Snippets as plain-text parts with the matched words marked.

use model::SnippetPart;
use tantivy::query::Query;
use tantivy::schema::Field;
use tantivy::snippet::SnippetGenerator;
use tantivy::Searcher;

/// Texts up to this many characters are shown whole; longer ones are cut around
/// the best-matching fragment.
const MAX_SNIPPET_CHARS: usize = 240;

pub(crate) struct Snippets {
    generator: SnippetGenerator,
    /// Marks the words that matched through their stem ("regulators" for
    /// "regulate"), reading the same text with the stemmed field's analysis.
    stemmed: SnippetGenerator,
    /// Beginnings of words searched as patterns (`regul*`, the word being
    /// typed), folded: the generators see no terms in a pattern, so the words
    /// they start are found here.
    prefixes: Vec<String>,
}

impl Snippets {
    pub(crate) fn new(
        searcher: &Searcher,
        query: &dyn Query,
        field: Field,
        stemmed_field: Field,
        prefixes: &[String],
    ) -> tantivy::Result<Snippets> {
        let mut generator = SnippetGenerator::create(searcher, query, field)?;
        generator.set_max_num_chars(MAX_SNIPPET_CHARS);
        let mut stemmed = SnippetGenerator::create(searcher, query, stemmed_field)?;
        stemmed.set_max_num_chars(MAX_SNIPPET_CHARS);
        Ok(Snippets {
            generator,
            stemmed,
            prefixes: prefixes.to_vec(),
        })
    }

    /// The snippet of `text` (the field's stored value), and where the
    /// first match lies in `text`, in code points.
    pub(crate) fn parts(&self, text: &str) -> (Vec<SnippetPart>, Option<(u32, u32)>) {
        let exact = self.generator.snippet(text);
        let stem = self.stemmed.snippet(text);
        // The two agree on the fragment when the text is short enough to show
        // whole; otherwise the one with more marked words wins.
        let (snippet, extra) = if exact.fragment() == stem.fragment() {
            (exact, stem.highlighted().to_vec())
        } else if stem.highlighted().len() > exact.highlighted().len() {
            (stem, Vec::new())
        } else {
            (exact, Vec::new())
        };
        let mut fragment = snippet.fragment();
        let mut ranges: Vec<(usize, usize)> = snippet
            .highlighted()
            .iter()
            .chain(extra.iter())
            .map(|r| (r.start, r.end))
            .collect();
        if fragment.is_empty() {
            match self.around_first_prefix(text) {
                // Only a pattern matched: the fragment around its first word.
                Some(window) => fragment = window,
                None => {
                    // Nothing matched in this field (the hit came from a note, a
                    // tag or the source): show the start of the text, unmarked.
                    let part = SnippetPart {
                        text: truncate_chars(text, MAX_SNIPPET_CHARS),
                        matched: false,
                    };
                    return (vec![part], None);
                }
            }
        }
        ranges.extend(prefix_ranges(fragment, &self.prefixes));
        ranges.sort_unstable();
        ranges.dedup();
        let first = ranges.first().and_then(|&(start, end)| {
            let at = text.find(fragment)?;
            let chars = |bytes: usize| text[..bytes].chars().count() as u32;
            Some((chars(at + start), chars(at + end)))
        });
        (split(fragment, ranges.into_iter()), first)
    }

    /// The part of `text` to show around the first word a prefix starts: all of
    /// it when it is short, else a window that begins a little before the word.
    fn around_first_prefix<'t>(&self, text: &'t str) -> Option<&'t str> {
        let (start, _) = *prefix_ranges(text, &self.prefixes).first()?;
        if text.chars().count() <= MAX_SNIPPET_CHARS {
            return Some(text);
        }
        let from = text[..start]
            .char_indices()
            .rev()
            .nth(40)
            .map_or(0, |(i, _)| i);
        let to = text[from..]
            .char_indices()
            .nth(MAX_SNIPPET_CHARS)
            .map_or(text.len(), |(i, _)| from + i);
        Some(&text[from..to])
    }
}

/// The (byte) ranges of the words of `text` that start with one of `prefixes`
/// once folded as the index folds them.
fn prefix_ranges(text: &str, prefixes: &[String]) -> Vec<(usize, usize)> {
    if prefixes.is_empty() {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut word_start: Option<usize> = None;
    let check = |start: usize, end: usize, out: &mut Vec<(usize, usize)>| {
        let folded = crate::query::fold(&text[start..end]);
        if prefixes.iter().any(|p| folded.starts_with(p.as_str())) {
            out.push((start, end));
        }
    };
    for (i, c) in text.char_indices() {
        match (c.is_alphanumeric(), word_start) {
            (true, None) => word_start = Some(i),
            (false, Some(start)) => {
                check(start, i, &mut out);
                word_start = None;
            }
            _ => {}
        }
    }
    if let Some(start) = word_start {
        check(start, text.len(), &mut out);
    }
    out
}

/// Cuts `text` into parts at the (byte) ranges that matched.
fn split(text: &str, ranges: impl Iterator<Item = (usize, usize)>) -> Vec<SnippetPart> {
    let mut parts = Vec::new();
    let mut at = 0;
    for (start, end) in ranges {
        if start < at || end > text.len() || start >= end {
            continue;
        }
        if start > at {
            parts.push(SnippetPart {
                text: text[at..start].to_owned(),
                matched: false,
            });
        }
        parts.push(SnippetPart {
            text: text[start..end].to_owned(),
            matched: true,
        });
        at = end;
    }
    if at < text.len() {
        parts.push(SnippetPart {
            text: text[at..].to_owned(),
            matched: false,
        });
    }
    parts
}

fn truncate_chars(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_a_prefix_starts_are_found_folded() {
        let text = "Les Sanctions, l'Été: sanctioned; unsanctioned ÉTÉS";
        let found: Vec<&str> = prefix_ranges(text, &["sanction".into(), "ete".into()])
            .into_iter()
            .map(|(a, b)| &text[a..b])
            .collect();
        assert_eq!(found, vec!["Sanctions", "Été", "sanctioned", "ÉTÉS"]);
        assert!(prefix_ranges(text, &[]).is_empty());
    }

    #[test]
    fn ranges_become_marked_parts_and_the_rest_stays_plain() {
        let parts = split("the cat sat", [(4, 7)].into_iter());
        let shown: Vec<(&str, bool)> = parts.iter().map(|p| (p.text.as_str(), p.matched)).collect();
        assert_eq!(shown, vec![("the ", false), ("cat", true), (" sat", false)]);
    }
}
