//! Requests and views of the use-cases: the shapes the UI and the CLI send and get.

use model::{ClaimSummary, Clip, ClipId, Source, SourceMeta, SourceSummary, Stance};
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
    /// Clips whose quote is no longer at their offsets in the text: shown apart,
    /// never dropped.
    pub orphaned: Vec<ClipId>,
    /// The attribution line a citation of this source starts from.
    pub citation: String,
    /// False when no article text was found (a web page kept for its
    /// metadata): the reader says so instead of showing an empty page.
    pub has_text: bool,
}

/// A clip with the source it came from.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ClipView {
    pub clip: Clip,
    pub source: SourceSummary,
    /// The attribution line of the clip as an export writes it (plain text).
    pub citation: String,
}

/// A tag and how many clips carry it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct TagCount {
    pub name: String,
    pub count: u32,
}

/// One clip of a claim's evidence.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Evidence {
    pub stance: Stance,
    pub clip: Clip,
    pub source: SourceSummary,
}

/// A claim's page: the claim and its evidence, supports first, then contradicts,
/// then context; within a stance, by the source's date.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ClaimView {
    pub claim: ClaimSummary,
    pub evidence: Vec<Evidence>,
}

/// What to export: chosen clips, a claim with its evidence grouped by stance,
/// every clip of a source (in the order of its text), or every clip with a tag.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum ExportTarget {
    Clips { ids: Vec<ClipId> },
    Claim { id: model::ClaimId },
    Source { id: model::SourceId },
    Tag { tag: String },
}

/// Which clips to list; every filter given must hold.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", default)]
pub struct ClipFilter {
    #[cfg_attr(feature = "ts", ts(optional))]
    pub source: Option<model::SourceId>,
    #[cfg_attr(feature = "ts", ts(optional))]
    pub tag: Option<String>,
    #[cfg_attr(feature = "ts", ts(optional))]
    pub claim: Option<model::ClaimId>,
}

/// An export in every format it is offered in: the clipboard gets `html` and
/// `text` together; a Markdown editor wants `markdown`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Export {
    pub markdown: String,
    pub html: String,
    pub text: String,
    /// Pandoc Markdown with `[@key, p. 4]` citations ...
    pub pandoc: String,
    /// ... and the CSL-JSON bibliography it cites from.
    pub bibliography: String,
}

/// How to cite in an export.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", default)]
pub struct ExportOptions {
    /// A citation style (`apa`, `chicago-notes`, a user style's name); none gives
    /// the attribution line alone.
    #[cfg_attr(feature = "ts", ts(optional))]
    pub style: Option<String>,
    /// Add the bibliography of the cited works (notes styles always get notes).
    pub bibliography: bool,
    /// With a style, also give each quote's link (web pages open at the
    /// passage). Without a style the attribution line always has it.
    #[serde(default)]
    pub link: bool,
    /// A template for house styles (Jinja syntax, see the README).
    #[cfg_attr(feature = "ts", ts(optional))]
    pub template: Option<String>,
    /// The bibliography file a Pandoc export names; without one the references
    /// go into its front matter.
    #[cfg_attr(feature = "ts", ts(optional))]
    pub pandoc_bibliography: Option<String>,
    /// The style file a Pandoc export names as `csl:`; without one, the library's
    /// own file of a writer's style, or the address of a bundled style.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub pandoc_csl: Option<String>,
}

/// One of an export's formats, for saving to a file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum ExportFormat {
    Markdown,
    Html,
    Text,
    /// Pandoc Markdown, saved with its CSL-JSON bibliography beside it.
    Pandoc,
}

impl Export {
    pub fn get(&self, format: ExportFormat) -> &str {
        match format {
            ExportFormat::Markdown => &self.markdown,
            ExportFormat::Html => &self.html,
            ExportFormat::Text => &self.text,
            ExportFormat::Pandoc => &self.pandoc,
        }
    }
}

/// What the shell shows before it asks for any list: the library's folder and
/// how much it holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct Overview {
    pub path: String,
    pub sources: u32,
    pub clips: u32,
    pub claims: u32,
    pub tags: u32,
    /// Captures from the browser not yet seen in the app.
    pub new_captures: u32,
}

/// One page of the sources list, and how many sources the filter lets through.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct SourcePage {
    pub items: Vec<SourceSummary>,
    pub total: u32,
}

/// One page of the claims list, and how many claims the filter lets through.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct ClaimPage {
    pub items: Vec<ClaimSummary>,
    pub total: u32,
}

/// A clip's citation as an export in a style would give it: the in-text
/// citation (or the note's text) and the reference-list entry. Without a style,
/// the attribution line alone.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct CitationPreview {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub style: Option<String>,
    pub citation: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub reference: Option<String>,
    /// The style cites in notes: `citation` is the note's text.
    pub note: bool,
}

/// A draft to check: a file the writer chose (read by the library, never by the
/// web view), or text they pasted (read as Markdown).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum DraftSource {
    File { path: String },
    Text { text: String },
}
