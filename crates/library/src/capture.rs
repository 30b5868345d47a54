//! Captures from the browser: a page as the writer saw it (the rendered DOM,
//! after scripts ran and with their logged-in content), and the passage they
//! selected, if any.
//!
//! A capture goes through the same web-page importer as a saved `.html` file
//! (same size and nesting caps, the page kept as a blob), plus the access date.
//! The same address joins the source already saved from it: an unchanged text
//! is reused, a changed one becomes a new version with every clip re-anchored,
//! as a re-import does. The selection is placed in the source's text by its
//! quote selector (exactly, else approximately, as re-anchoring does); one the
//! extractor left out (a caption, a table, a sidebar) is still saved, as a clip
//! marked as not found in the text: a capture never loses the writer's
//! selection. A page that cannot be read at all still keeps a selection, as a
//! source made of that excerpt.
//!
//! Everything in a capture comes from a web page and is hostile: the address is
//! the browser's (the page cannot change it), the page's own claims about its
//! address (`og:url`, a canonical link) are kept only when they name the same
//! site, so a page cannot join or overwrite the source of another site.

use crate::anchor::{place_quote, Placement};
use crate::sources::{build_source, clean_meta, Imported};
use crate::{Error, Library, Result};
use model::{
    Block, ClaimId, Clip, ClipId, SourceId, SourceKind, SourceText, Stance, TextPositionSelector,
    TextQuoteSelector,
};
use serde::{Deserialize, Serialize};

/// The longest address a capture accepts.
pub const MAX_URL_CHARS: usize = 8 * 1024;
/// The longest title a capture accepts.
pub const MAX_TITLE_CHARS: usize = 2 * 1024;
/// The longest selection a capture accepts (a long article selected whole fits).
pub const MAX_SELECTION_CHARS: usize = 1_000_000;
/// The longest prefix or suffix a capture accepts (32 characters are kept).
pub const MAX_CONTEXT_CHARS: usize = 4 * 1024;

/// A page sent from the browser.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CapturedPage {
    /// The address of the tab, as the browser reports it.
    pub url: String,
    /// The page's `<link rel="canonical">`, if it has one.
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub canonical_url: Option<String>,
    /// The document's title.
    #[serde(default)]
    pub title: String,
    /// The rendered DOM, serialized.
    pub html: String,
}

/// The passage selected in the page: its text with W3C selectors over the
/// page's text (TextQuoteSelector and TextPositionSelector, code points).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CapturedSelection {
    pub exact: String,
    #[serde(default)]
    pub prefix: String,
    #[serde(default)]
    pub suffix: String,
    pub start: u32,
    pub end: u32,
}

/// A capture: the page, and the selection when there is one.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct NewCapture {
    pub page: CapturedPage,
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub selection: Option<CapturedSelection>,
}

/// Where a capture's selection landed in its source's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub enum CapturePlacement {
    /// No selection: the page was saved.
    Page,
    /// The selection is in the text, word for word.
    Exact,
    /// The selection was matched approximately (the page's text and the
    /// extracted text differ a little there).
    Approximate,
    /// The selection is outside the text the extractor kept; the clip is
    /// saved with its quote and shown apart.
    Outside,
}

impl CapturePlacement {
    fn as_str(self) -> &'static str {
        match self {
            CapturePlacement::Page => "page",
            CapturePlacement::Exact => "exact",
            CapturePlacement::Approximate => "approximate",
            CapturePlacement::Outside => "outside",
        }
    }

    fn parse(s: &str) -> CapturePlacement {
        match s {
            "exact" => CapturePlacement::Exact,
            "approximate" => CapturePlacement::Approximate,
            "outside" => CapturePlacement::Outside,
            _ => CapturePlacement::Page,
        }
    }
}

/// A capture as the inbox and the browser's popup show it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct CaptureView {
    pub id: String,
    pub source_id: SourceId,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub site: Option<String>,
    pub url: String,
    /// The clip saved from the selection (none for a page, or once deleted).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub clip_id: Option<ClipId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub exact: Option<String>,
    /// Where the clip is in the source's text, to open the reader there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub position: Option<TextPositionSelector>,
    pub note: String,
    pub tags: Vec<String>,
    pub claims: Vec<model::ClipClaim>,
    pub placement: CapturePlacement,
    /// The capture made the source (it was not in the library before).
    pub new_source: bool,
    /// The capture brought a changed text: the previous one was kept as this version.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub new_version: Option<u32>,
    #[cfg_attr(feature = "ts", ts(type = "number"))]
    pub captured_at: i64,
    pub seen: bool,
}

/// What the writer adds to a capture from the popup; fields left out stay.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct CaptureNote {
    #[cfg_attr(feature = "ts", ts(optional))]
    pub note: Option<String>,
    #[cfg_attr(feature = "ts", ts(optional))]
    pub tags: Option<Vec<String>>,
    #[cfg_attr(feature = "ts", ts(optional))]
    pub claim: Option<ClaimChoice>,
}

/// A claim for a captured clip: an existing one by id, or a statement (an
/// existing claim with that statement is reused, else one is created).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ClaimChoice {
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub id: Option<ClaimId>,
    #[serde(default)]
    #[cfg_attr(feature = "ts", ts(optional))]
    pub statement: Option<String>,
    pub stance: Stance,
}

impl Library {
    /// Saves a page (and its selection) sent from the browser.
    pub fn capture(&self, new: NewCapture) -> Result<CaptureView> {
        let NewCapture { page, selection } = new;
        let url = check_url(&page.url)?;
        let selection = selection.map(clean_selection).transpose()?;
        let title = clean_title(&page.title);
        // Slow work first, with no lock held: parsing the page.
        let read = self
            .read_web_page(page.html.as_bytes(), Some(&url), &url)
            .map(|imported| {
                with_capture_meta(
                    imported,
                    &url,
                    page.canonical_url.as_deref(),
                    &title,
                    self.now(),
                )
            });
        let existing = {
            let reader = self.store.read()?;
            let mut found = None;
            for candidate in [
                Some(url.as_str()),
                read.as_ref()
                    .ok()
                    .and_then(|i| i.meta.canonical_url.as_deref()),
            ]
            .into_iter()
            .flatten()
            {
                if let Some(id) = reader.source_by_url(candidate)? {
                    found = Some(reader.source(&id)?);
                    break;
                }
            }
            found
        };
        let imported = match (read, &selection, &existing) {
            (Ok(imported), _, _) => Some(imported),
            // An existing source takes the selection, placed or not.
            (Err(_), Some(_), Some(_)) => None,
            // Nothing readable and nothing to join: the selection alone.
            (Err(_), Some(sel), None) => Some(excerpt(&url, &title, sel, self.now())),
            (Err(e), None, _) => return Err(e),
        };
        let planned = match (&existing, &imported) {
            (Some(current), Some(new)) if current.text_hash != text_hash(&new.blocks) => Some(
                crate::reimport::plan(current, new.clone(), &*self.store.read()?, self.now())?,
            ),
            _ => None,
        };
        let now = self.now();
        let capture_id = model::ClipId::generate().0;
        let id = capture_id.clone();
        self.write(move |tx, changes| {
            changes.captures = true;
            let (source, new_source, new_version) = match (existing, imported, planned) {
                (Some(current), Some(new), Some(planned)) => {
                    let report = self.reimport_in(tx, changes, &current, planned, new)?;
                    changes.source(&current.id);
                    (report.source, false, Some(report.archived_version))
                }
                (Some(current), _, _) => (current, false, None),
                (None, Some(new), _) => {
                    let meta = clean_meta(new.meta)?;
                    let mut source = build_source(new.kind, meta, new.blocks, now);
                    source.origins = new.origins;
                    source.blob = new.blob;
                    crate::citations::insert_source(tx, &mut source)?;
                    (source, true, None)
                }
                (None, None, _) => unreachable!("a capture without a source was refused above"),
            };
            let (clip, placement) = match &selection {
                Some(sel) => {
                    let (clip, placement) = clip_for(&source, sel, now);
                    changes.clip(&clip.id);
                    tx.insert_clip(&clip)?;
                    (Some(clip.id), placement)
                }
                None => (None, CapturePlacement::Page),
            };
            tx.insert_capture(&store::CaptureRow {
                id: id.clone(),
                source_id: source.id.clone(),
                clip_id: clip,
                url: url.clone(),
                placement: placement.as_str().to_owned(),
                new_source,
                new_version,
                captured_at: now,
                seen: false,
            })?;
            Ok(())
        })?;
        self.capture_view(&capture_id)
    }

    /// One capture as the inbox shows it.
    pub fn capture_view(&self, id: &str) -> Result<CaptureView> {
        let reader = self.store.read()?;
        let row = reader.capture(id)?;
        view_of(&reader, row)
    }

    /// The newest captures first, at most `limit` (the inbox).
    pub fn recent_captures(&self, limit: u32) -> Result<Vec<CaptureView>> {
        let reader = self.store.read()?;
        reader
            .recent_captures(limit.min(500))?
            .into_iter()
            .map(|row| view_of(&reader, row))
            .collect()
    }

    /// The writer has seen these captures (opened them from the inbox).
    pub fn mark_captures_seen(&self, ids: &[String]) -> Result<()> {
        self.write(|tx, changes| {
            changes.captures = tx.mark_captures_seen(ids)? > 0;
            Ok(())
        })
    }

    /// Adds a note, tags and a claim with its stance to a capture's clip.
    pub fn annotate_capture(&self, id: &str, note: CaptureNote) -> Result<CaptureView> {
        let row = self.store.read()?.capture(id)?;
        let clip_id = row.clip_id.ok_or_else(|| {
            Error::InvalidInput(
                "this capture saved the page without a passage: there is no clip to add a note, tags or a claim to".into(),
            )
        })?;
        let statement = match &note.claim {
            Some(ClaimChoice {
                id: None,
                statement: Some(s),
                ..
            }) => Some(crate::claims::clean_statement(s)?),
            Some(ClaimChoice {
                id: None,
                statement: None,
                ..
            }) => {
                return Err(Error::InvalidInput(
                    "a claim needs its statement or its id".into(),
                ))
            }
            _ => None,
        };
        let now = self.now();
        self.write(|tx, changes| {
            changes.captures = true;
            changes.clip(&clip_id);
            let reader = tx.read();
            reader.clip(&clip_id)?;
            if let Some(text) = &note.note {
                tx.set_clip_note(&clip_id, text.trim(), now)?;
            }
            if let Some(tags) = &note.tags {
                tx.set_clip_tags(&clip_id, &crate::clips::clean_tags(tags), now)?;
                changes.tags = true;
            }
            if let Some(choice) = &note.claim {
                let claim_id = match (&choice.id, &statement) {
                    (Some(id), _) => {
                        reader.claim(id)?;
                        id.clone()
                    }
                    (None, Some(statement)) => match reader.claim_by_statement(statement)? {
                        Some(id) => id,
                        None => {
                            let claim = model::Claim {
                                id: ClaimId::generate(),
                                statement: statement.clone(),
                                note: String::new(),
                                created_at: now,
                                updated_at: now,
                            };
                            tx.insert_claim(&claim)?;
                            claim.id
                        }
                    },
                    (None, None) => unreachable!("checked above"),
                };
                changes.claim(&claim_id);
                tx.link(&clip_id, &claim_id, choice.stance, now)?;
            }
            Ok(())
        })?;
        self.capture_view(id)
    }

    /// Takes a capture back: its clip goes, and the source too when the
    /// capture made it and no other clip came from it since. A new version of
    /// the text a capture brought stays (the earlier text is kept as a version).
    pub fn undo_capture(&self, id: &str) -> Result<()> {
        self.write(|tx, changes| {
            changes.captures = true;
            let reader = tx.read();
            let row = reader.capture(id)?;
            if let Some(clip_id) = &row.clip_id {
                let clip = reader.clip(clip_id)?;
                for link in &clip.claims {
                    changes.claim(&link.claim_id);
                }
                changes.tags |= !clip.tags.is_empty();
                tx.delete_clip(clip_id)?;
            }
            tx.delete_capture(id)?;
            if row.new_source && reader.clips_of_source(&row.source_id)?.is_empty() {
                tx.delete_source(&row.source_id)?;
            }
            Ok(())
        })
    }
}

fn view_of(reader: &store::Reader, row: store::CaptureRow) -> Result<CaptureView> {
    let source = reader.source_summary(&row.source_id)?;
    let clip: Option<Clip> = match &row.clip_id {
        Some(id) => Some(reader.clip(id)?),
        None => None,
    };
    Ok(CaptureView {
        id: row.id,
        source_id: row.source_id,
        title: source.title,
        site: source.container_title,
        url: row.url,
        clip_id: row.clip_id,
        exact: clip.as_ref().map(|c| c.quote.exact.clone()),
        position: clip.as_ref().filter(|c| !c.orphaned).map(|c| c.position),
        note: clip.as_ref().map(|c| c.note.clone()).unwrap_or_default(),
        tags: clip.as_ref().map(|c| c.tags.clone()).unwrap_or_default(),
        claims: clip.map(|c| c.claims).unwrap_or_default(),
        placement: CapturePlacement::parse(&row.placement),
        new_source: row.new_source,
        new_version: row.new_version,
        captured_at: row.captured_at,
        seen: row.seen,
    })
}

/// The browser's address of the page: http or https only, of a sane length.
fn check_url(url: &str) -> Result<String> {
    let url = url.trim();
    if url.chars().count() > MAX_URL_CHARS {
        return Err(Error::InvalidInput(format!(
            "the page's address is longer than the {MAX_URL_CHARS} characters Commonplace keeps"
        )));
    }
    if !(url.starts_with("https://") || url.starts_with("http://"))
        || url.chars().any(char::is_control)
    {
        return Err(Error::InvalidInput(
            "Commonplace clips web pages (addresses starting with http:// or https://)".into(),
        ));
    }
    Ok(url.to_owned())
}

/// The tab's title, without control characters, cut to a sane length.
fn clean_title(title: &str) -> String {
    let title: String = title
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .take(MAX_TITLE_CHARS)
        .collect();
    title.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Checks a selection and keeps 32 characters of context on each side.
fn clean_selection(sel: CapturedSelection) -> Result<CapturedSelection> {
    let exact = sel.exact.trim();
    if exact.is_empty() {
        return Err(Error::InvalidInput("the selection is empty".into()));
    }
    if exact.chars().count() > MAX_SELECTION_CHARS {
        return Err(Error::TooLarge(format!(
            "the selection is longer than the {MAX_SELECTION_CHARS} characters a clip can hold"
        )));
    }
    if sel.prefix.chars().count() > MAX_CONTEXT_CHARS
        || sel.suffix.chars().count() > MAX_CONTEXT_CHARS
    {
        return Err(Error::InvalidInput(
            "the selection's context is too long".into(),
        ));
    }
    let keep = model::QUOTE_CONTEXT_CHARS;
    let prefix: Vec<char> = sel.prefix.chars().collect();
    Ok(CapturedSelection {
        exact: exact.to_owned(),
        prefix: prefix[prefix.len().saturating_sub(keep)..].iter().collect(),
        suffix: sel.suffix.chars().take(keep).collect(),
        start: sel.start.min(sel.end),
        end: sel.end.max(sel.start),
    })
}

/// The page's metadata as a capture saves it: the browser's address is the
/// source's address; a canonical address the page gives is kept only when it
/// is on the same site; the access date is today; the tab's title stands in
/// when the page has none.
fn with_capture_meta(
    mut imported: Imported,
    url: &str,
    canonical: Option<&str>,
    title: &str,
    now: model::Timestamp,
) -> Imported {
    let meta = &mut imported.meta;
    let origins = &mut imported.origins;
    if meta.url.as_deref() != Some(url) {
        meta.url = Some(url.to_owned());
        origins.insert("url".into(), "browser".into());
    }
    let same_site = |u: &str| site_of(u).is_some() && site_of(u) == site_of(url);
    if !meta.canonical_url.as_deref().is_some_and(same_site) {
        meta.canonical_url = None;
        origins.remove("canonicalUrl");
        if let Some(c) = canonical
            .map(str::trim)
            .filter(|c| same_site(c) && c.len() <= MAX_URL_CHARS)
        {
            meta.canonical_url = Some(c.to_owned());
            origins.insert("canonicalUrl".into(), "browser".into());
        }
    }
    if origins.get("title").map(String::as_str) == Some("default") && !title.is_empty() {
        meta.title = title.to_owned();
        origins.insert("title".into(), "browser".into());
    }
    meta.accessed = Some(crate::fetch::date_of(now));
    origins.insert("accessed".into(), "browser".into());
    imported
}

/// `https://host:port` of an address, lower-cased; `None` for anything else.
fn site_of(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    if !matches!(scheme.to_ascii_lowercase().as_str(), "http" | "https") {
        return None;
    }
    let host = rest.split(['/', '?', '#']).next()?;
    let host = host.rsplit('@').next()?;
    (!host.is_empty()).then(|| {
        format!(
            "{}://{}",
            scheme.to_ascii_lowercase(),
            host.to_ascii_lowercase()
        )
    })
}

/// A page that could not be read keeps the selection: a source made of it.
fn excerpt(url: &str, title: &str, sel: &CapturedSelection, now: model::Timestamp) -> Imported {
    let meta = model::SourceMeta {
        title: if title.is_empty() {
            url.to_owned()
        } else {
            title.to_owned()
        },
        url: Some(url.to_owned()),
        accessed: Some(crate::fetch::date_of(now)),
        ..Default::default()
    };
    let origins = meta
        .filled_fields()
        .into_iter()
        .map(|f| (f.to_owned(), "browser".to_owned()))
        .collect();
    Imported {
        kind: SourceKind::Excerpts,
        meta,
        origins,
        blocks: vec![Block::paragraph(sel.exact.clone())],
        blob: None,
    }
}

fn text_hash(blocks: &[Block]) -> String {
    store::text_hash(SourceText::new(blocks).as_str())
}

/// The clip for a selection in `source`: placed in its text, or kept with its
/// quote (and shown apart) when the text does not have it.
fn clip_for(
    source: &model::Source,
    sel: &CapturedSelection,
    now: model::Timestamp,
) -> (Clip, CapturePlacement) {
    let text = SourceText::new(&source.blocks);
    let quote = TextQuoteSelector {
        exact: sel.exact.clone(),
        prefix: sel.prefix.clone(),
        suffix: sel.suffix.clone(),
    };
    let placed = place_quote(&quote, &text).and_then(|(start, end, how)| {
        let (quote, position) = text.selectors(start, end)?;
        let placement = match how {
            Placement::Exact => CapturePlacement::Exact,
            _ => CapturePlacement::Approximate,
        };
        Some((quote, position, text.page_at(start), placement))
    });
    let (quote, position, page, placement) = placed.unwrap_or_else(|| {
        // Not in the text: the page's own selectors are kept (its offsets
        // count the page's text, not the source's), and the clip is shown
        // apart until a later version of the text has the passage.
        let len = sel.exact.chars().count() as u32;
        (
            quote,
            TextPositionSelector {
                start: sel.start,
                end: sel.start + len.max(1),
            },
            None,
            CapturePlacement::Outside,
        )
    });
    let clip = Clip {
        id: ClipId::generate(),
        source_id: source.id.clone(),
        quote,
        position,
        page,
        note: String::new(),
        tags: Vec::new(),
        claims: Vec::new(),
        orphaned: placement == CapturePlacement::Outside,
        created_at: now,
        updated_at: now,
    };
    (clip, placement)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_site_is_scheme_and_host_only() {
        assert_eq!(
            site_of("https://Example.com/a?b"),
            Some("https://example.com".into())
        );
        assert_eq!(
            site_of("https://user@evil.com/x"),
            Some("https://evil.com".into())
        );
        assert_eq!(site_of("javascript:alert(1)"), None);
        assert_eq!(site_of("file:///etc/passwd"), None);
    }

    #[test]
    fn a_selection_keeps_32_characters_of_context() {
        let sel = clean_selection(CapturedSelection {
            exact: "  the passage ".into(),
            prefix: "x".repeat(100),
            suffix: "y".repeat(100),
            start: 10,
            end: 5,
        })
        .unwrap();
        assert_eq!(
            (
                sel.exact.as_str(),
                sel.prefix.len(),
                sel.suffix.len(),
                sel.start,
                sel.end
            ),
            ("the passage", 32, 32, 5, 10)
        );
    }
}
