// Generated from the Rust types by crates/library/tests/it/bindings.rs.
// Do not edit: run `UPDATE_BINDINGS=1 cargo test -p library bindings` instead.

export type SourceId = string;

export type ClipId = string;

export type ClaimId = string;

export type PartialDate = { year: number, month?: number, day?: number, };

export type Author = { "type": "person", family: string, given: string, } | { "type": "organization", name: string, };

export type SourceMeta = { title: string, authors: Array<Author>, 
/**
 * The site, newspaper or journal the source appeared in (CSL `container-title`).
 */
containerTitle: string | null, publisher: string | null, issued: PartialDate | null, url: string | null, canonicalUrl: string | null, doi: string | null, isbn: string | null, language: string | null, accessed: PartialDate | null, 
/**
 * What kind of work this is; when unset it is inferred from how the source
 * came in (see [`SourceMeta::item_type_for`]).
 */
itemType?: ItemType, 
/**
 * A report's or working paper's number ("WEO-2023", "No. 42").
 */
number?: string, 
/**
 * A report's or thesis's kind in words ("Working paper", "PhD thesis").
 */
genre?: string, volume?: string, issue?: string, 
/**
 * The page range of an article or chapter in its container ("45-67").
 */
pages?: string, edition?: string, 
/**
 * The publisher's city (CSL `publisher-place`).
 */
place?: string, 
/**
 * Editors of a book, or of the book a chapter is in.
 */
editors?: Array<Author>, 
/**
 * The key Pandoc and LaTeX cite the source by (`zhang2021China`); given once
 * and then kept, so drafts that cite it keep working.
 */
citationKey?: string, };

export type SourceKind = "text" | "markdown" | "web" | "pdf" | "excerpts";

export type BlockKind = "heading" | "paragraph" | "quote" | "listItem" | "preformatted" | "pageBreak";

export type Block = { kind: BlockKind, text: string, 
/**
 * Heading level 1 to 6, for headings.
 */
level?: number, 
/**
 * Page number, for page breaks.
 */
page?: number, };

export type Source = { id: SourceId, kind: SourceKind, meta: SourceMeta, 
/**
 * Where each metadata field came from ("user", later "jsonld", "highwire", ...).
 * A field whose origin is "user" is never overwritten by a re-import.
 */
origins: { [key in string]: string }, blocks: Array<Block>, 
/**
 * SHA-256 (hex) of the source text, to tell versions apart.
 */
textHash: string, 
/**
 * SHA-256 (hex) of the original file kept in the library's `blobs/` folder
 * (the HTML of a web page), for export and archiving; never rendered.
 */
blob: string | null, createdAt: number, updatedAt: number, };

export type SourceSummary = { id: SourceId, kind: SourceKind, title: string, authors: Array<Author>, containerTitle: string | null, issued: PartialDate | null, clipCount: number, createdAt: number, };

export type TextQuoteSelector = { exact: string, prefix: string, suffix: string, };

export type TextPositionSelector = { start: number, end: number, };

export type Stance = "supports" | "contradicts" | "context";

export type ClipClaim = { claimId: ClaimId, statement: string, stance: Stance, };

export type Clip = { id: ClipId, sourceId: SourceId, quote: TextQuoteSelector, position: TextPositionSelector, 
/**
 * The PDF page the quote starts on.
 */
page: number | null, note: string, tags: Array<string>, claims: Array<ClipClaim>, 
/**
 * The quote could not be placed in the source's current text after a
 * re-import; the clip keeps its quote and is shown apart.
 */
orphaned: boolean, createdAt: number, updatedAt: number, };

export type Claim = { id: ClaimId, statement: string, note: string, createdAt: number, updatedAt: number, };

export type ClaimSummary = { claim: Claim, supports: number, contradicts: number, context: number, };

export type ClaimLink = { clipId: ClipId, claimId: ClaimId, stance: Stance, };

export type SnippetPart = { text: string, matched: boolean, };

export type ClipHit = { clipId: ClipId, sourceId: SourceId, sourceTitle: string, score: number, 
/**
 * The quote, cut around the best match, with the matches marked.
 */
snippet: Array<SnippetPart>, note: string, tags: Array<string>, };

export type PassageHit = { sourceId: SourceId, sourceTitle: string, score: number, snippet: Array<SnippetPart>, 
/**
 * Where the passage lies in the source text (code points).
 */
start: number, end: number, 
/**
 * Where the first matched words lie in the source text (code points), so the
 * reader can open at them and highlight them.
 */
matchStart: number, matchEnd: number, };

export type FacetCount = { value: string, count: number, };

export type Facets = { tags: Array<FacetCount>, claims: Array<FacetCount>, stances: Array<FacetCount>, sources: Array<FacetCount>, authors: Array<FacetCount>, 
/**
 * How many of the best matches the counts cover: all of them when there are
 * up to a thousand, the best thousand beyond.
 */
counted: number, };

export type SearchResults = { query: string, hits: Array<ClipHit>, 
/**
 * How many clips match in all (more than `hits` when the limit cut them).
 */
total: number, passages: Array<PassageHit>, passageTotal: number, facets: Facets, };

export type NewSource = { text: string, 
/**
 * Read the text as Markdown (headings, quotes and lists kept) instead of plain text.
 */
markdown: boolean, meta: SourceMeta, };

export type NewClip = { sourceId: string, 
/**
 * The passage, word for word; used when no offsets are given.
 */
quote?: string, 
/**
 * Code-point offsets into the source text (see `model::SourceText`).
 */
start?: number, end?: number, note: string, tags: Array<string>, };

export type ClipEdit = { note?: string, tags?: Array<string>, };

export type NewClaim = { statement: string, note: string, };

export type SourceView = { source: Source, 
/**
 * Start offset of each block in the source text (code points), in block order.
 */
blockStarts: Array<number>, clips: Array<Clip>, 
/**
 * Clips whose quote is no longer at their offsets in the text: shown apart,
 * never dropped.
 */
orphaned: Array<ClipId>, 
/**
 * The attribution line a citation of this source starts from.
 */
citation: string, 
/**
 * False when no article text was found (a web page kept for its
 * metadata): the reader says so instead of showing an empty page.
 */
hasText: boolean, };

export type ClipView = { clip: Clip, source: SourceSummary, 
/**
 * The attribution line of the clip as an export writes it (plain text).
 */
citation: string, };

export type TagCount = { name: string, count: number, };

export type Evidence = { stance: Stance, clip: Clip, source: SourceSummary, };

export type ClaimView = { claim: ClaimSummary, evidence: Array<Evidence>, };

export type ExportTarget = { "kind": "clips", ids: Array<ClipId>, } | { "kind": "claim", id: ClaimId, } | { "kind": "source", id: SourceId, } | { "kind": "tag", tag: string, };

export type Export = { markdown: string, html: string, text: string, 
/**
 * Pandoc Markdown with `[@key, p. 4]` citations ...
 */
pandoc: string, 
/**
 * ... and the CSL-JSON bibliography it cites from.
 */
bibliography: string, };

export type ExportFormat = "markdown" | "html" | "text" | "pandoc";

export type ErrorCode = "notFound" | "invalidInput" | "libraryLocked" | "libraryTooNew" | "libraryDamaged" | "passwordRequired" | "io" | "diskFull" | "readOnly" | "networkDns" | "networkTls" | "networkRefused" | "networkTimeout" | "network" | "parserCrashed" | "conflict" | "forbidden" | "tooLarge" | "internal";

export type ApiError = { code: ErrorCode, message: string, };

export type ReimportReport = { source: Source, 
/**
 * The number under which the previous text was kept.
 */
archivedVersion: number, exact: number, approximate: number, orphaned: Array<ClipId>, };

export type SourceVersion = { version: number, archivedAt: number, textHash: string, text: string, };

export type PastedQuote = { quote: string, meta: SourceMeta, };

export type ItemType = "article-newspaper" | "article-magazine" | "article-journal" | "webpage" | "post-weblog" | "report" | "book" | "chapter" | "thesis" | "document";

export type ExportOptions = { 
/**
 * A citation style (`apa`, `chicago-notes`, a user style's name); none gives
 * the attribution line alone.
 */
style?: string, 
/**
 * Add the bibliography of the cited works (notes styles always get notes).
 */
bibliography: boolean, 
/**
 * With a style, also give each quote's link (web pages open at the
 * passage). Without a style the attribution line always has it.
 */
link: boolean, 
/**
 * A template for house styles (Jinja syntax, see the README).
 */
template?: string, 
/**
 * The bibliography file a Pandoc export names; without one the references
 * go into its front matter.
 */
pandocBibliography?: string, 
/**
 * The style file a Pandoc export names as `csl:`; without one, the library's
 * own file of a writer's style, or the address of a bundled style.
 */
pandocCsl?: string, };

export type StyleInfo = { id: string, title: string, 
/**
 * Added by the writer as a `.csl` file (kept in the library's `styles/`).
 */
custom: boolean, };

export type RefImportReport = { added: Array<SourceId>, 
/**
 * Entries already in the library (same DOI, address or citation key).
 */
alreadyThere: Array<string>, 
/**
 * Entries that could not come in, each with why.
 */
refused: Array<string>, };

export type Changes = { sources: Array<SourceId>, clips: Array<ClipId>, claims: Array<ClaimId>, 
/**
 * Tag counts may have changed (a clip's tags, or a clip with tags, changed).
 */
tags: boolean, 
/**
 * The captures from the browser changed (a new one, one seen or undone).
 */
captures: boolean, };

export type ClipFilter = { source?: SourceId, tag?: string, claim?: ClaimId, };

export type Overview = { path: string, sources: number, clips: number, claims: number, tags: number, 
/**
 * Captures from the browser not yet seen in the app.
 */
newCaptures: number, };

export type SourcePage = { items: Array<SourceSummary>, total: number, };

export type ClaimPage = { items: Array<ClaimSummary>, total: number, };

export type CitationPreview = { style?: string, citation: string, reference?: string, 
/**
 * The style cites in notes: `citation` is the note's text.
 */
note: boolean, };

export type QuoteVerdict = "verified" | "altered" | "not-found" | "misattributed" | "skipped";

export type QuoteFlag = "typographic" | "elided" | "bracketed" | "unattributed";

export type CitedAs = { "kind": "url", "value": string } | { "kind": "key", "value": string } | { "kind": "footnote", "value": string } | { "kind": "said", "value": string };

export type DiffKind = "same" | "added" | "removed" | "elided" | "bracketed";

export type DiffPart = { kind: DiffKind, text: string, };

export type SourceSpan = { start: number, end: number, passageStart: number, passageEnd: number, };

export type QuoteCheck = { 
/**
 * The quote as written (marks, footnote marks and citations left out).
 */
text: string, start: number, end: number, 
/**
 * A block quote, or a quotation inline in a sentence.
 */
block: boolean, verdict: QuoteVerdict, flags: Array<QuoteFlag>, 
/**
 * The source the quote was found in (for `misattributed`, the one it is
 * really from; for `altered`, the closest one).
 */
sourceId: SourceId | null, sourceTitle: string | null, 
/**
 * The saved clip the quote matches, when it was found as one.
 */
clipId: ClipId | null, 
/**
 * What the draft cites for the quote, as written.
 */
cited: CitedAs | null, 
/**
 * The library's source that citation names, when there is one.
 */
citedSourceId: SourceId | null, 
/**
 * For `altered`: the word diff against the source.
 */
diff: Array<DiffPart>, 
/**
 * For `altered`: the source's exact words, to paste instead.
 */
suggestion: string | null, 
/**
 * Where in the source the quote was found.
 */
at: SourceSpan | null, 
/**
 * For `verified` with an ellipsis: the source's words each ellipsis
 * leaves out, so a hidden "not" shows.
 */
omitted: Array<string>, 
/**
 * For `skipped`: why the quote was not checked.
 */
skipped: string | null, };

export type QuoteSummary = { 
/**
 * Every quote found, skipped ones included.
 */
quotes: number, checked: number, verified: number, altered: number, notFound: number, misattributed: number, skipped: number, 
/**
 * Verified quotes with nothing citing them.
 */
unattributed: number, 
/**
 * No quote is altered, not found or misattributed: the draft can go out.
 */
ok: boolean, };

export type DraftReport = { 
/**
 * The file's name as given (`pasted text` for a paste).
 */
name: string, 
/**
 * The format it was read as: markdown, html, text, docx or odt.
 */
format: string, text: string, quotes: Array<QuoteCheck>, summary: QuoteSummary, };

export type DraftSource = { "kind": "file", path: string, } | { "kind": "text", text: string, };

export type CapturePlacement = "page" | "exact" | "approximate" | "outside";

export type CaptureView = { id: string, sourceId: SourceId, title: string, site?: string, url: string, 
/**
 * The clip saved from the selection (none for a page, or once deleted).
 */
clipId?: ClipId, exact?: string, 
/**
 * Where the clip is in the source's text, to open the reader there.
 */
position?: TextPositionSelector, note: string, tags: Array<string>, claims: Array<ClipClaim>, placement: CapturePlacement, 
/**
 * The capture made the source (it was not in the library before).
 */
newSource: boolean, 
/**
 * The capture brought a changed text: the previous one was kept as this version.
 */
newVersion?: number, capturedAt: number, seen: boolean, };

export type CapturedPage = { 
/**
 * The address of the tab, as the browser reports it.
 */
url: string, 
/**
 * The page's `<link rel="canonical">`, if it has one.
 */
canonicalUrl?: string, 
/**
 * The document's title.
 */
title: string, 
/**
 * The rendered DOM, serialized.
 */
html: string, };

export type CapturedSelection = { exact: string, prefix: string, suffix: string, start: number, end: number, };

export type NewCapture = { page: CapturedPage, selection?: CapturedSelection, };

export type CaptureNote = { note?: string, tags?: Array<string>, claim?: ClaimChoice, };

export type ClaimChoice = { id?: ClaimId, statement?: string, stance: Stance, };

export type Browser = "chrome" | "chromium" | "firefox";

export type HostManifest = { browser: Browser, path: string, };
