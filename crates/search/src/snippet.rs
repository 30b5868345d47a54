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
}

impl Snippets {
    pub(crate) fn new(
        searcher: &Searcher,
        query: &dyn Query,
        field: Field,
        stemmed_field: Field,
    ) -> tantivy::Result<Snippets> {
        let mut generator = SnippetGenerator::create(searcher, query, field)?;
        generator.set_max_num_chars(MAX_SNIPPET_CHARS);
        let mut stemmed = SnippetGenerator::create(searcher, query, stemmed_field)?;
        stemmed.set_max_num_chars(MAX_SNIPPET_CHARS);
        Ok(Snippets { generator, stemmed })
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
        let fragment = snippet.fragment();
        if fragment.is_empty() {
            // Nothing matched in this field (the hit came from a note, a tag or
            // the source): show the start of the text, unmarked.
            let part = SnippetPart {
                text: truncate_chars(text, MAX_SNIPPET_CHARS),
                matched: false,
            };
            return (vec![part], None);
        }
        let mut ranges: Vec<(usize, usize)> = snippet
            .highlighted()
            .iter()
            .chain(extra.iter())
            .map(|r| (r.start, r.end))
            .collect();
        ranges.sort_unstable();
        ranges.dedup();
        let first = ranges.first().and_then(|&(start, end)| {
            let at = text.find(fragment)?;
            let chars = |bytes: usize| text[..bytes].chars().count() as u32;
            Some((chars(at + start), chars(at + end)))
        });
        (split(fragment, ranges.into_iter()), first)
    }
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
    fn ranges_become_marked_parts_and_the_rest_stays_plain() {
        let parts = split("the cat sat", [(4, 7)].into_iter());
        let shown: Vec<(&str, bool)> = parts.iter().map(|p| (p.text.as_str(), p.matched)).collect();
        assert_eq!(shown, vec![("the ", false), ("cat", true), (" sat", false)]);
    }
}
