//! The verdict on one quote, from its candidate passages and its citation.
//!
//! This is where comparison and attribution meet. A quote found verbatim is
//! `verified`, unless the draft cites something else: then it is
//! `misattributed`, naming the source it was found in. A quote found in several
//! sources is verified when any of them is the one cited. A name the library
//! does not know ("Powell said" about a speaker quoted in a Reuters article) is
//! not evidence of a wrong source, so it only counts against the match when the
//! caller says the name belongs to something in the library; an address, a key
//! or a footnote always counts. Nothing cites a verified quote: it is flagged
//! `unattributed`. A close but changed quote is `altered`, with the diff and the
//! source's words; nothing close is `not-found`.

use crate::attribution::attribution_matches;
use crate::candidates::better;
use crate::compare::{Comparison, DiffPart, Pattern};
use crate::quotes::{Citation, FoundQuote};
use model::SourceMeta;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    Verified,
    Altered,
    NotFound,
    Misattributed,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Flag {
    Typographic,
    Elided,
    Bracketed,
    Unattributed,
}

/// A passage the library offers for a quote, with what identifies its source.
#[derive(Debug, Clone, Copy)]
pub struct Candidate<'a> {
    pub source_id: &'a str,
    /// The clip's or passage's id, to point the writer at it.
    pub passage_id: &'a str,
    pub text: &'a str,
    /// Where the passage starts in its source's text, in chars.
    pub offset: usize,
    pub meta: &'a SourceMeta,
    pub key: Option<&'a str>,
}

/// The outcome for one quote, as the CLI's JSON and the app show it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Check {
    pub verdict: Verdict,
    pub flags: Vec<Flag>,
    /// What the draft cites for the quote.
    pub cited: Option<Citation>,
    /// Where the quote was found (for `misattributed`, the source it is really from).
    pub source_id: Option<String>,
    pub passage_id: Option<String>,
    /// The matched text's char range in the source's text.
    pub source_span: Option<(usize, usize)>,
    /// For `altered`: the word diff and the source's own words to paste instead.
    pub diff: Vec<DiffPart>,
    pub suggestion: Option<String>,
    pub score: Option<f32>,
    /// For `verified` with an ellipsis: the words each ellipsis leaves out.
    pub omitted: Vec<String>,
}

/// Decides one quote against its candidates. `known_elsewhere` tells whether a
/// citation names something in the library (a source, an author, an outlet);
/// it is asked only for a name that does not match where the quote was found.
pub fn judge(
    quote: &FoundQuote,
    candidates: &[Candidate],
    known_elsewhere: impl Fn(&Citation) -> bool,
) -> Check {
    let pattern = Pattern::new(&quote.text);
    let results: Vec<(usize, Comparison)> = candidates
        .iter()
        .enumerate()
        .map(|(i, c)| (i, pattern.compare(c.text)))
        .filter(|(_, c)| !matches!(c, Comparison::NoMatch))
        .collect();
    let cites = |i: usize| {
        quote
            .cited
            .as_ref()
            .is_some_and(|c| attribution_matches(c, candidates[i].meta, candidates[i].key))
    };
    let verified: Vec<&(usize, Comparison)> =
        results.iter().filter(|(_, c)| c.is_verified()).collect();
    if !verified.is_empty() {
        let cited_one = pick(verified.iter().copied().filter(|(i, _)| cites(*i)), &cites);
        let (i, c) = cited_one
            .or_else(|| pick(verified.iter().copied(), &cites))
            .expect("a verified result");
        let verdict = match &quote.cited {
            Some(cited) if cited_one.is_none() => {
                let explicit = !matches!(cited, Citation::Said(_));
                if explicit || known_elsewhere(cited) {
                    Verdict::Misattributed
                } else {
                    Verdict::Verified
                }
            }
            _ => Verdict::Verified,
        };
        return check(quote, verdict, &candidates[*i], c);
    }
    match pick(results.iter(), &cites) {
        Some((i, c)) => check(quote, Verdict::Altered, &candidates[*i], c),
        None => Check {
            verdict: Verdict::NotFound,
            flags: Vec::new(),
            cited: quote.cited.clone(),
            source_id: None,
            passage_id: None,
            source_span: None,
            diff: Vec::new(),
            suggestion: None,
            score: None,
            omitted: Vec::new(),
        },
    }
}

/// The best result of a pool; between equals, one whose source is the one cited.
fn pick<'r>(
    pool: impl Iterator<Item = &'r (usize, Comparison)>,
    cites: &dyn Fn(usize) -> bool,
) -> Option<&'r (usize, Comparison)> {
    let mut best: Option<&(usize, Comparison)> = None;
    for r in pool {
        let replace = match best {
            None => true,
            Some(b) => better(&r.1, &b.1) || (!better(&b.1, &r.1) && cites(r.0) && !cites(b.0)),
        };
        if replace {
            best = Some(r);
        }
    }
    best
}

fn check(quote: &FoundQuote, verdict: Verdict, candidate: &Candidate, c: &Comparison) -> Check {
    let mut out = Check {
        verdict,
        flags: Vec::new(),
        cited: quote.cited.clone(),
        source_id: Some(candidate.source_id.to_owned()),
        passage_id: Some(candidate.passage_id.to_owned()),
        source_span: None,
        diff: Vec::new(),
        suggestion: None,
        score: None,
        omitted: Vec::new(),
    };
    match c {
        Comparison::Verified {
            flags,
            span,
            omitted,
        } => {
            for (on, flag) in [
                (flags.typographic, Flag::Typographic),
                (flags.elided, Flag::Elided),
                (flags.bracketed, Flag::Bracketed),
                (quote.cited.is_none(), Flag::Unattributed),
            ] {
                if on {
                    out.flags.push(flag);
                }
            }
            out.source_span = Some((candidate.offset + span.0, candidate.offset + span.1));
            out.omitted = omitted.clone();
        }
        Comparison::Altered {
            diff,
            suggestion,
            span,
            score,
        } => {
            out.source_span = Some((candidate.offset + span.0, candidate.offset + span.1));
            out.diff = diff.clone();
            out.suggestion = Some(suggestion.clone());
            out.score = Some(*score);
        }
        Comparison::NoMatch => {}
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::QuoteKind;

    const SENTENCE: &str = "The council will not raise taxes before the election, officials said.";

    fn meta(outlet: &str, url: &str) -> SourceMeta {
        SourceMeta {
            title: format!("{outlet} story"),
            container_title: Some(outlet.into()),
            url: Some(url.into()),
            ..SourceMeta::default()
        }
    }

    fn quote(cited: Option<Citation>) -> FoundQuote {
        FoundQuote {
            text: "The council will not raise taxes before the election".into(),
            start: 0,
            end: 0,
            kind: QuoteKind::Inline,
            skipped: None,
            cited,
        }
    }

    #[test]
    fn the_citation_decides_between_sources_and_only_a_known_name_accuses() {
        let (ap, times) = (
            meta("AP", "https://apnews.com/a"),
            meta("The Times", "https://times.example/a"),
        );
        let candidate = |id, meta| Candidate {
            source_id: id,
            passage_id: id,
            text: SENTENCE,
            offset: 0,
            meta,
            key: None,
        };
        // A syndicated story: the same words in two sources.
        let both = [candidate("ap", &ap), candidate("times", &times)];
        let known = |c: &Citation| matches!(c, Citation::Said(n) if n == "Reuters");
        let cases = [
            (
                None,
                Verdict::Verified,
                Some("ap"),
                "nothing cites it: the first source, flagged",
            ),
            (
                Some(Citation::Said("The Times".into())),
                Verdict::Verified,
                Some("times"),
                "the cited of two sources",
            ),
            (
                Some(Citation::Url("https://times.example/a#top".into())),
                Verdict::Verified,
                Some("times"),
                "the cited address",
            ),
            (
                Some(Citation::Url("https://elsewhere.example/b".into())),
                Verdict::Misattributed,
                Some("ap"),
                "an address is always checked",
            ),
            (
                Some(Citation::Said("Reuters".into())),
                Verdict::Misattributed,
                Some("ap"),
                "an outlet the library knows",
            ),
            (
                Some(Citation::Said("Councillor Smith".into())),
                Verdict::Verified,
                Some("ap"),
                "a speaker the library does not know",
            ),
        ];
        for (cited, verdict, source, why) in cases {
            let check = judge(&quote(cited.clone()), &both, known);
            assert_eq!(check.verdict, verdict, "{cited:?}: {why}");
            assert_eq!(check.source_id.as_deref(), source, "{cited:?}: {why}");
            assert_eq!(
                check.flags.contains(&Flag::Unattributed),
                cited.is_none(),
                "{cited:?}: only a quote with nothing citing it is unattributed"
            );
        }
        let none = judge(&quote(None), &[], known);
        assert_eq!(none.verdict, Verdict::NotFound, "no candidates, not found");
    }
}
