//! What a search returns. Snippets are lists of plain-text parts, some marked as
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

/// A passage of a source's text that matched a search.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct PassageHit {
    pub source_id: SourceId,
    pub source_title: String,
    pub score: f32,
    pub snippet: Vec<SnippetPart>,
    /// Where the passage lies in the source text (code points).
    pub start: u32,
    pub end: u32,
    /// Where the first matched words lie in the source text (code points), so the
    /// reader can open at them and highlight them.
    pub match_start: u32,
    pub match_end: u32,
}

/// How many matching clips carry one value of a facet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct FacetCount {
    pub value: String,
    pub count: u32,
}

/// Facet counts over the clips that match a search, most frequent first.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Facets {
    pub tags: Vec<FacetCount>,
    pub claims: Vec<FacetCount>,
    pub stances: Vec<FacetCount>,
    pub sources: Vec<FacetCount>,
    pub authors: Vec<FacetCount>,
    /// How many of the best matches the counts cover: all of them when there are
    /// up to a thousand, the best thousand beyond.
    pub counted: u32,
}

/// The hits of a search, best first, and how many matched in all.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct SearchResults {
    pub query: String,
    pub hits: Vec<ClipHit>,
    /// How many clips match in all (more than `hits` when the limit cut them).
    pub total: u32,
    pub passages: Vec<PassageHit>,
    pub passage_total: u32,
    pub facets: Facets,
}
