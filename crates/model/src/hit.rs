//! What a search returns. The snippet is a list of plain-text parts, some marked as
//! matches, rather than HTML with `<b>` tags: a front end builds its highlighting
//! from text nodes and never has to parse markup that might come from a source.

use crate::{ClipId, SourceId};
use serde::{Deserialize, Serialize};

/// A piece of a snippet; `matched` parts are the query's words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct SnippetPart {
    pub text: String,
    pub matched: bool,
}

/// A clip that matched a search.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ClipHit {
    pub clip_id: ClipId,
    pub source_id: SourceId,
    pub source_title: String,
    pub score: f32,
    /// The quote, cut around the best match, with the matches marked.
    pub snippet: Vec<SnippetPart>,
    pub note: String,
    pub tags: Vec<String>,
}

/// The hits of a search, best first, and how many matched in all.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct SearchResults {
    pub query: String,
    pub hits: Vec<ClipHit>,
    pub total: u32,
}
