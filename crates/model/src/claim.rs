//! Claims are the statements a writer argues about; clips are evidence for or
//! against them. A link carries a stance so a claim's page can group its evidence.

use crate::{ClaimId, ClipId, Timestamp};
use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// How a clip bears on a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum Stance {
    Supports,
    Contradicts,
    Context,
}

impl Stance {
    pub const ALL: [Stance; 3] = [Stance::Supports, Stance::Contradicts, Stance::Context];

    pub fn as_str(self) -> &'static str {
        match self {
            Stance::Supports => "supports",
            Stance::Contradicts => "contradicts",
            Stance::Context => "context",
        }
    }
}

impl fmt::Display for Stance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{0}` is not a stance: use supports, contradicts or context")]
pub struct StanceError(pub String);

impl FromStr for Stance {
    type Err = StanceError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Stance::ALL
            .into_iter()
            .find(|stance| stance.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| StanceError(s.to_owned()))
    }
}

/// A statement clips support, contradict or give context to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Claim {
    pub id: ClaimId,
    pub statement: String,
    pub note: String,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub created_at: Timestamp,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub updated_at: Timestamp,
}

/// A claim with how much evidence of each stance it has.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ClaimSummary {
    pub claim: Claim,
    pub supports: u32,
    pub contradicts: u32,
    pub context: u32,
}

/// The link between a clip and a claim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ClaimLink {
    pub clip_id: ClipId,
    pub claim_id: ClaimId,
    pub stance: Stance,
}
