//! Checking every quote of a draft against the library (issue #15).
//!
//! The `verify` crate reads the draft, finds its quotes and decides each one
//! against the passages it is given; this module gives it those passages and
//! what it needs to know about sources, from this library's index and
//! database, and maps its verdicts to the wire form ([`model::DraftReport`]).
//!
//! For each quote: the index returns the clips and source passages that share
//! most of its telling words ([`verify::search_terms`], ORed, BM25), plus the
//! best of the source the draft cites, if the citation names one (so a quote
//! cited right is compared with its source even when other sources share its
//! words). Clips come first: between a clip and a passage that match the same
//! way, the clip is named. A quote that is not verified against single
//! passages is tried again against its best passages joined to their
//! neighbours, so a quote running over a paragraph break (or a cut in a long
//! paragraph) is found whole. Sources' metadata is read once per draft, for the
//! citations: a cited address, key or footnote names a source; a name ("Reuters
//! said") counts against a match only when it names something in the library.
//!
//! It only reads: one database snapshot and the index's current searcher, on
//! the caller's thread, beside any write.

use crate::{DraftSource, Library, Result};
use model::{
    CitedAs, ClipId, DiffKind, DiffPart, DraftReport, QuoteCheck, QuoteFlag, QuoteSummary,
    QuoteVerdict, SourceId, SourceSpan, SourceText,
};
use search::{CandidateLimits, QuoteCandidate};
use std::collections::HashMap;
use verify::{Candidate, Check, Citation, Directory, FoundQuote, Verdict};

/// Candidates from the whole library for each quote.
const LIMITS: CandidateLimits = CandidateLimits {
    clips: 10,
    passages: 20,
};
/// Candidates from the cited source, added to those.
const CITED_LIMITS: CandidateLimits = CandidateLimits {
    clips: 3,
    passages: 5,
};
/// A citation that names more sources than this (an outlet the library holds
/// many articles of) adds no candidates of its own: the library-wide ones
/// cover it.
const CITED_SOURCES: usize = 3;
/// Passages joined to their neighbours when a quote is not verified.
const JOINED: usize = 5;

/// The name a pasted draft is read under: Markdown, which reads plain prose as
/// it is and also understands a pasted Markdown draft's links and block quotes.
pub const PASTED: &str = "pasted text.md";

impl Library {
    /// Checks every quote of a draft (Markdown, HTML, plain text, .docx or .odt,
    /// told by `name`'s extension and the bytes) against the library's clips
    /// and sources' text.
    pub fn verify_draft(&self, bytes: &[u8], name: &str) -> Result<DraftReport> {
        crate::panic_point("verify_draft");
        let draft = verify::read_draft(bytes, name)?;
        let quotes = verify::find_quotes(&draft);
        let mut checker = Checker {
            lib: self,
            reader: self.store.read()?,
            directory: None,
            texts: HashMap::new(),
            named: HashMap::new(),
        };
        let checks = quotes
            .iter()
            .map(|q| checker.check(q))
            .collect::<Result<Vec<_>>>()?;
        let format = match draft.format {
            verify::Format::Markdown => "markdown",
            verify::Format::Html => "html",
            verify::Format::Text => "text",
            verify::Format::Docx => "docx",
            verify::Format::Odt => "odt",
        };
        Ok(DraftReport {
            name: name.to_owned(),
            format: format.to_owned(),
            text: draft.text,
            summary: QuoteSummary::of(&checks),
            quotes: checks,
        })
    }

    /// [`Library::verify_draft`] on what the app's *Check a draft* view gives.
    pub fn verify(&self, draft: &DraftSource) -> Result<DraftReport> {
        match draft {
            DraftSource::File { path } => self.verify_file(std::path::Path::new(path)),
            DraftSource::Text { text } => self.verify_text(text),
        }
    }

    /// [`Library::verify_draft`] on a file.
    pub fn verify_file(&self, path: &std::path::Path) -> Result<DraftReport> {
        let bytes = crate::text_file::read_file_bytes(path)?;
        self.verify_draft(&bytes, &path.display().to_string())
    }

    /// [`Library::verify_draft`] on text the writer pasted (read as Markdown).
    pub fn verify_text(&self, text: &str) -> Result<DraftReport> {
        let mut report = self.verify_draft(text.as_bytes(), PASTED)?;
        report.name = "pasted text".into();
        Ok(report)
    }
}

/// What one draft's check reads, kept for all its quotes.
struct Checker<'a> {
    lib: &'a Library,
    reader: store::Snapshot<'a>,
    /// Every source's metadata, filed for citations, read on the first quote
    /// that is checked.
    directory: Option<Directory>,
    /// Sources' text, read when a quote is tried against joined passages.
    texts: HashMap<SourceId, Option<SourceText>>,
    /// The sources each citation names, by the citation: a draft cites the
    /// same outlet again and again, and "Reuters" may name thousands.
    named: HashMap<String, Vec<SourceId>>,
}

/// Where a candidate came from, by its position in the candidate list (the
/// `passage_id` given to the checker is that position).
struct Origin {
    clip_id: Option<ClipId>,
    source_id: SourceId,
    start: u32,
    end: u32,
}

impl Checker<'_> {
    fn directory(&mut self) -> Result<&Directory> {
        if self.directory.is_none() {
            let metas = self.reader.source_metas()?;
            self.directory = Some(Directory::new(
                metas.into_iter().map(|(id, meta)| (id.0, meta)),
            ));
        }
        Ok(self.directory.as_ref().expect("just read"))
    }

    fn check(&mut self, quote: &FoundQuote) -> Result<QuoteCheck> {
        if let Some(reason) = &quote.skipped {
            return Ok(skipped(quote, reason));
        }
        let terms = terms(&quote.text);
        let cited_sources = match &quote.cited {
            Some(cited) => self.sources_named(cited)?,
            None => Vec::new(),
        };
        let mut found = self
            .lib
            .index
            .quote_candidates(&terms, None, LIMITS)
            .map_err(crate::Error::from)?;
        if cited_sources.len() <= CITED_SOURCES {
            for id in &cited_sources {
                for c in self
                    .lib
                    .index
                    .quote_candidates(&terms, Some(id), CITED_LIMITS)
                    .map_err(crate::Error::from)?
                {
                    if !found.contains(&c) {
                        found.push(c);
                    }
                }
            }
        }
        // Clips first: between equal matches the first candidate is named.
        found.sort_by_key(|c| c.clip_id.is_none());
        let candidates = found.into_iter().map(origin_and_text).collect();
        // The checker asks whether the quote's own citation names anything in
        // the library: that is known already.
        let known = !cited_sources.is_empty();
        let (mut check, mut origins) = self.judge(quote, candidates, known)?;
        if !matches!(check.verdict, Verdict::Verified | Verdict::Misattributed) {
            let joined = self.joined(&origins)?;
            if !joined.is_empty() {
                let (again, joined) = self.judge(quote, joined, known)?;
                if rank(&again) > rank(&check) {
                    (check, origins) = (again, joined);
                }
            }
        }
        self.wire_check(quote, check, &origins, &cited_sources)
    }

    /// The checker's verdict against these candidates, each with its text.
    fn judge(
        &mut self,
        quote: &FoundQuote,
        origins: Vec<(Origin, String)>,
        known_elsewhere: bool,
    ) -> Result<(Check, Vec<Origin>)> {
        let directory = self.directory()?;
        let positions: Vec<String> = (0..origins.len()).map(|k| k.to_string()).collect();
        let candidates: Vec<Candidate> = origins
            .iter()
            .zip(&positions)
            .filter_map(|((origin, text), position)| {
                let meta = directory.meta(origin.source_id.as_str())?;
                Some(Candidate {
                    source_id: origin.source_id.as_str(),
                    passage_id: position,
                    text,
                    offset: origin.start as usize,
                    meta,
                    key: meta.citation_key.as_deref(),
                })
            })
            .collect();
        let check = verify::judge(quote, &candidates, |_| known_elsewhere);
        Ok((check, origins.into_iter().map(|(o, _)| o).collect()))
    }

    /// The best passages of a first try, each joined to the passages before
    /// and after it in its source's text.
    fn joined(&mut self, origins: &[Origin]) -> Result<Vec<(Origin, String)>> {
        let mut out: Vec<(Origin, String)> = Vec::new();
        for origin in origins.iter().filter(|o| o.clip_id.is_none()).take(JOINED) {
            let Some(text) = self.text_of(&origin.source_id)? else {
                continue;
            };
            let (start, end) = neighbours(text, origin.start as usize, origin.end as usize);
            let Some(slice) = text.slice(start, end) else {
                continue;
            };
            let joined = Origin {
                clip_id: None,
                source_id: origin.source_id.clone(),
                start: start as u32,
                end: end as u32,
            };
            if !out.iter().any(|(o, _)| o.same_place(&joined)) {
                out.push((joined, slice.to_owned()));
            }
        }
        Ok(out)
    }

    fn text_of(&mut self, id: &SourceId) -> Result<Option<&SourceText>> {
        if !self.texts.contains_key(id) {
            let text = match self.reader.blocks(id) {
                Ok(blocks) => Some(SourceText::new(&blocks)),
                Err(store::StoreError::NotFound { .. }) => None,
                Err(e) => return Err(e.into()),
            };
            self.texts.insert(id.clone(), text);
        }
        Ok(self.texts[id].as_ref())
    }

    /// The library's sources a citation names, newest first.
    fn sources_named(&mut self, cited: &Citation) -> Result<Vec<SourceId>> {
        let key = format!("{cited:?}");
        if let Some(named) = self.named.get(&key) {
            return Ok(named.clone());
        }
        let directory = self.directory()?;
        let named: Vec<SourceId> = directory
            .named(cited)
            .into_iter()
            .map(SourceId::from)
            .collect();
        self.named.insert(key, named.clone());
        Ok(named)
    }

    fn wire_check(
        &mut self,
        quote: &FoundQuote,
        check: Check,
        origins: &[Origin],
        cited_sources: &[SourceId],
    ) -> Result<QuoteCheck> {
        let origin = check
            .passage_id
            .as_deref()
            .and_then(|p| p.parse::<usize>().ok())
            .and_then(|k| origins.get(k));
        let mut at = None;
        let mut clip_id = None;
        if let (Some(origin), Some((start, end))) = (origin, check.source_span) {
            match &origin.clip_id {
                // A clip's offsets are its own: the index does not keep them.
                Some(id) => {
                    let clip = self.reader.clip(id)?;
                    if !clip.orphaned {
                        let base = clip.position.start;
                        at = Some(SourceSpan {
                            start: base + start as u32,
                            end: base + end as u32,
                            passage_start: clip.position.start,
                            passage_end: clip.position.end,
                        });
                    }
                    clip_id = Some(id.clone());
                }
                None => {
                    at = Some(SourceSpan {
                        start: start as u32,
                        end: end as u32,
                        passage_start: origin.start,
                        passage_end: origin.end,
                    })
                }
            }
        }
        let source_id = check.source_id.map(SourceId);
        let directory = self.directory()?;
        let source_title = source_id
            .as_ref()
            .and_then(|id| directory.meta(id.as_str()))
            .map(|m| m.title.clone());
        // The source the citation names: where the quote was found when it
        // names that one, else the newest it names.
        let cited_source_id = match &source_id {
            Some(id) if cited_sources.contains(id) => Some(id.clone()),
            _ => cited_sources.first().cloned(),
        };
        Ok(QuoteCheck {
            text: quote.text.clone(),
            start: quote.start as u32,
            end: quote.end as u32,
            block: quote.kind == verify::QuoteKind::Block,
            verdict: verdict(check.verdict),
            flags: check.flags.iter().map(|f| flag(*f)).collect(),
            source_id,
            source_title,
            clip_id,
            cited: check.cited.map(cited_as),
            cited_source_id,
            diff: check.diff.into_iter().map(diff_part).collect(),
            suggestion: check.suggestion,
            at,
            omitted: check.omitted,
            skipped: None,
        })
    }
}

impl Origin {
    fn same_place(&self, other: &Origin) -> bool {
        self.source_id == other.source_id && self.start == other.start && self.end == other.end
    }
}

fn origin_and_text(c: QuoteCandidate) -> (Origin, String) {
    (
        Origin {
            clip_id: c.clip_id,
            source_id: c.source_id,
            start: c.start,
            end: c.end,
        },
        c.text,
    )
}

/// The quote's telling words; for a quote of common words only, all its words.
fn terms(quote: &str) -> Vec<String> {
    let terms = verify::search_terms(quote);
    if !terms.is_empty() {
        return terms;
    }
    quote
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .take(verify::MAX_TERMS)
        .collect()
}

/// The passage `start..end` widened to the passage before and the one after:
/// to the start of the block before (or of the chunk of a long block, within
/// twice a passage's length), and likewise after.
fn neighbours(text: &SourceText, start: usize, end: usize) -> (usize, usize) {
    let starts = text.block_starts();
    let reach = 2 * (end - start).max(600);
    let before = starts
        .iter()
        .rev()
        .find(|&&s| s < start)
        .copied()
        .unwrap_or(0)
        .max(start.saturating_sub(reach));
    let after_block = starts.iter().find(|&&s| s > end).copied();
    let after = match after_block.and_then(|s| starts.iter().find(|&&n| n > s).copied()) {
        Some(next) => next.saturating_sub(2),
        None => text.char_len(),
    };
    (before, after.min(end + reach).min(text.char_len()).max(end))
}

/// Orders checks for keeping the better of two tries.
fn rank(check: &Check) -> (u8, f32) {
    match check.verdict {
        Verdict::Verified | Verdict::Misattributed => (2, 0.0),
        Verdict::Altered => (1, check.score.unwrap_or(0.0)),
        Verdict::NotFound => (0, 0.0),
    }
}

fn skipped(quote: &FoundQuote, reason: &str) -> QuoteCheck {
    QuoteCheck {
        text: quote.text.clone(),
        start: quote.start as u32,
        end: quote.end as u32,
        block: quote.kind == verify::QuoteKind::Block,
        verdict: QuoteVerdict::Skipped,
        flags: Vec::new(),
        source_id: None,
        source_title: None,
        clip_id: None,
        cited: quote.cited.clone().map(cited_as),
        cited_source_id: None,
        diff: Vec::new(),
        suggestion: None,
        at: None,
        omitted: Vec::new(),
        skipped: Some(reason.to_owned()),
    }
}

fn verdict(v: Verdict) -> QuoteVerdict {
    match v {
        Verdict::Verified => QuoteVerdict::Verified,
        Verdict::Altered => QuoteVerdict::Altered,
        Verdict::NotFound => QuoteVerdict::NotFound,
        Verdict::Misattributed => QuoteVerdict::Misattributed,
    }
}

fn flag(f: verify::Flag) -> QuoteFlag {
    match f {
        verify::Flag::Typographic => QuoteFlag::Typographic,
        verify::Flag::Elided => QuoteFlag::Elided,
        verify::Flag::Bracketed => QuoteFlag::Bracketed,
        verify::Flag::Unattributed => QuoteFlag::Unattributed,
    }
}

fn cited_as(c: Citation) -> CitedAs {
    match c {
        Citation::Url(u) => CitedAs::Url(u),
        Citation::Key(k) => CitedAs::Key(k),
        Citation::Footnote(f) => CitedAs::Footnote(f),
        Citation::Said(s) => CitedAs::Said(s),
    }
}

fn diff_part(p: verify::DiffPart) -> DiffPart {
    let kind = match p.kind {
        verify::DiffKind::Same => DiffKind::Same,
        verify::DiffKind::Added => DiffKind::Added,
        verify::DiffKind::Removed => DiffKind::Removed,
        verify::DiffKind::Elided => DiffKind::Elided,
        verify::DiffKind::Bracketed => DiffKind::Bracketed,
    };
    DiffPart { kind, text: p.text }
}
