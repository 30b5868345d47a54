//! A clip is a verbatim passage saved from a source, anchored to the source text by
//! W3C Web Annotation selectors so it can be found again after a re-import.

use crate::{ClaimId, ClipId, SourceId, Stance, Timestamp};
use serde::{Deserialize, Serialize};

/// W3C TextQuoteSelector: the exact text with some context on each side.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct TextQuoteSelector {
    pub exact: String,
    pub prefix: String,
    pub suffix: String,
}

/// W3C TextPositionSelector: code-point offsets into the source text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct TextPositionSelector {
    pub start: u32,
    pub end: u32,
}

/// A claim a clip is linked to, as shown with the clip.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ClipClaim {
    pub claim_id: ClaimId,
    pub statement: String,
    pub stance: Stance,
}

/// A saved passage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Clip {
    pub id: ClipId,
    pub source_id: SourceId,
    pub quote: TextQuoteSelector,
    pub position: TextPositionSelector,
    /// The PDF page the quote starts on.
    pub page: Option<u32>,
    pub note: String,
    pub tags: Vec<String>,
    pub claims: Vec<ClipClaim>,
    /// The quote could not be placed in the source's current text after a
    /// re-import; the clip keeps its quote and is shown apart.
    pub orphaned: bool,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub created_at: Timestamp,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub updated_at: Timestamp,
}
