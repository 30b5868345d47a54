//! When segments are merged. Every commit adds a segment; a library edited one
//! clip at a time (the app, the CLI, browser captures) would otherwise grow
//! hundreds of tiny segments, each searched on every keystroke, and keep deleted
//! documents of edited clips forever.
//!
//! The plan is logarithmic: segments are grouped into levels of sizes a factor
//! of four apart, and a level that holds four segments is merged into one of the
//! next level, so a library holds at most three segments per level, about
//! twenty-four for a million clips. A segment of which a quarter is deleted
//! documents is rewritten on its own. Merges run right after the commit, before
//! it returns, so a short-lived process never leaves them half done.

use tantivy::index::{SegmentId, SegmentMeta};

/// Segments of one level are merged once there are this many.
const MERGE_FACTOR: usize = 4;
/// Segments up to this many documents are all of the lowest level.
const SMALLEST_LEVEL: u32 = 64;
/// A segment is rewritten when this share of its documents is deleted.
const MAX_DELETED_SHARE: f64 = 0.25;

/// What the plan needs to know of a segment.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct SegmentSize {
    pub id: SegmentId,
    pub alive: u32,
    pub deleted: u32,
}

pub(crate) fn sizes(metas: &[SegmentMeta]) -> Vec<SegmentSize> {
    metas
        .iter()
        .map(|m| SegmentSize {
            id: m.id(),
            alive: m.num_docs(),
            deleted: m.num_deleted_docs(),
        })
        .collect()
}

fn level(alive: u32) -> u32 {
    let mut level = 0;
    let mut bound = SMALLEST_LEVEL * MERGE_FACTOR as u32;
    while alive >= bound && level < 12 {
        level += 1;
        bound = bound.saturating_mul(MERGE_FACTOR as u32);
    }
    level
}

/// The segments to merge next, if any: the lowest full level first, then a
/// segment with too many deleted documents.
pub(crate) fn plan(segments: &[SegmentSize]) -> Option<Vec<SegmentId>> {
    let mut by_level: std::collections::BTreeMap<u32, Vec<&SegmentSize>> = Default::default();
    for segment in segments {
        by_level
            .entry(level(segment.alive))
            .or_default()
            .push(segment);
    }
    if let Some(full) = by_level.values().find(|s| s.len() >= MERGE_FACTOR) {
        return Some(full.iter().map(|s| s.id).collect());
    }
    segments
        .iter()
        .find(|s| {
            let total = (s.alive + s.deleted).max(1) as f64;
            s.deleted > 0 && s.deleted as f64 / total >= MAX_DELETED_SHARE
        })
        .map(|s| vec![s.id])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn segment(alive: u32, deleted: u32) -> SegmentSize {
        SegmentSize {
            id: SegmentId::generate_random(),
            alive,
            deleted,
        }
    }

    /// Applies the plan until it is done, as `SearchIndex::merge` does.
    fn settle(mut segments: Vec<SegmentSize>) -> Vec<SegmentSize> {
        while let Some(ids) = plan(&segments) {
            let merged: u32 = segments
                .iter()
                .filter(|s| ids.contains(&s.id))
                .map(|s| s.alive)
                .sum();
            segments.retain(|s| !ids.contains(&s.id));
            segments.push(segment(merged, 0));
        }
        segments
    }

    #[test]
    fn one_segment_per_commit_stays_bounded() {
        // 10,000 single-clip commits, each adding a one-document segment.
        let mut segments = Vec::new();
        let mut most = 0;
        for _ in 0..10_000 {
            segments.push(segment(1, 0));
            segments = settle(segments);
            most = most.max(segments.len());
        }
        assert!(most <= 12, "{most} segments at some point");
        let alive: u32 = segments.iter().map(|s| s.alive).sum();
        assert_eq!(alive, 10_000, "no document lost by the plan");
    }

    #[test]
    fn a_million_documents_in_big_batches_stay_under_thirty_segments() {
        let mut segments = Vec::new();
        for _ in 0..200 {
            segments.push(segment(5_000, 0));
            segments = settle(segments);
        }
        assert!(segments.len() <= 30, "{} segments", segments.len());
    }

    #[test]
    fn deleted_documents_are_reclaimed() {
        let segments = settle(vec![segment(100_000, 0), segment(30, 20)]);
        assert!(segments.iter().all(|s| s.deleted == 0));
    }
}
