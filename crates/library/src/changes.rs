//! What a write changed, for the front ends to update what they show instead of
//! fetching every list again. Clips and sources come from the outbox entries the
//! write applied to the index; claims and tags are noted by the use-case.
//! Ids only: a front end fetches what it shows of them (a deleted one answers
//! "not found" and goes away).

use model::{ClaimId, ClipId, SourceId};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Changes {
    pub sources: Vec<SourceId>,
    pub clips: Vec<ClipId>,
    pub claims: Vec<ClaimId>,
    /// Tag counts may have changed (a clip's tags, or a clip with tags, changed).
    pub tags: bool,
    /// The captures from the browser changed (a new one, one seen or undone).
    #[serde(default)]
    pub captures: bool,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        self.sources.is_empty()
            && self.clips.is_empty()
            && self.claims.is_empty()
            && !self.tags
            && !self.captures
    }

    pub(crate) fn source(&mut self, id: &SourceId) {
        if !self.sources.contains(id) {
            self.sources.push(id.clone());
        }
    }

    pub(crate) fn clip(&mut self, id: &ClipId) {
        if !self.clips.contains(id) {
            self.clips.push(id.clone());
        }
    }

    pub(crate) fn claim(&mut self, id: &ClaimId) {
        if !self.claims.contains(id) {
            self.claims.push(id.clone());
        }
    }
}
