//! Requests and views of the use-cases: the shapes the UI and the CLI send and get.

use model::{Clip, Source, SourceMeta, SourceSummary};
use serde::{Deserialize, Serialize};

/// A source the writer adds from text they give.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct NewSource {
    pub text: String,
    /// Read the text as Markdown (headings, quotes and lists kept) instead of plain text.
    #[serde(default)]
    pub markdown: bool,
    pub meta: SourceMeta,
}

/// A clip to create, by its exact quote or by offsets into the source text.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", default)]
pub struct NewClip {
    pub source_id: String,
    /// The passage, word for word; used when no offsets are given.
    #[cfg_attr(feature = "ts", ts(optional))]
    pub quote: Option<String>,
    /// Code-point offsets into the source text (see `model::SourceText`).
    #[cfg_attr(feature = "ts", ts(optional))]
    pub start: Option<u32>,
    #[cfg_attr(feature = "ts", ts(optional))]
    pub end: Option<u32>,
    pub note: String,
    pub tags: Vec<String>,
}

/// Changes to a clip; fields left out stay as they are.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", default)]
pub struct ClipEdit {
    #[cfg_attr(feature = "ts", ts(optional))]
    pub note: Option<String>,
    #[cfg_attr(feature = "ts", ts(optional))]
    pub tags: Option<Vec<String>>,
}

/// A claim to create.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", default)]
pub struct NewClaim {
    pub statement: String,
    pub note: String,
}

/// A source with its text and the clips taken from it, for the reader.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct SourceView {
    pub source: Source,
    /// Start offset of each block in the source text (code points), in block order.
    pub block_starts: Vec<u32>,
    pub clips: Vec<Clip>,
}

/// A clip with the source it came from.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ClipView {
    pub clip: Clip,
    pub source: SourceSummary,
}
