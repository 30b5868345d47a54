//! Use-cases on clips.

use crate::{ClipEdit, ClipView, Error, Library, NewClip, Result};
use model::{Clip, ClipId, Source, SourceId, SourceText};

impl Library {
    /// Saves a passage of a source, given by its exact quote or by offsets.
    pub fn create_clip(&self, new: NewClip) -> Result<Clip> {
        let source_id = SourceId(new.source_id.clone());
        let source = self.store.read()?.source(&source_id)?;
        let clip = build_clip(&source, &new, self.now())?;
        self.write(|tx, changes| {
            changes.tags |= !clip.tags.is_empty();
            Ok(tx.insert_clip(&clip)?)
        })?;
        Ok(clip)
    }

    /// A clip with the source it came from.
    pub fn clip(&self, id: &ClipId) -> Result<ClipView> {
        let reader = self.store.read()?;
        let clip = reader.clip(id)?;
        let source = reader.source(&clip.source_id)?;
        let citation = cite::Attribution::new(&source.meta, clip.page).plain();
        let source = reader.source_summary(&clip.source_id)?;
        Ok(ClipView {
            clip,
            source,
            citation,
        })
    }

    /// The clips that pass every filter given (a source, a tag, a claim), each
    /// with its source; a source alone lists its clips in the order of its text.
    pub fn clips_where(&self, filter: &crate::ClipFilter) -> Result<Vec<ClipView>> {
        let ids = self.clip_ids(filter)?;
        ids.iter().map(|id| self.clip(id)).collect()
    }

    pub(crate) fn clip_ids(&self, filter: &crate::ClipFilter) -> Result<Vec<ClipId>> {
        let reader = self.store.read()?;
        Ok(match filter {
            crate::ClipFilter {
                source: Some(source),
                tag: None,
                claim: None,
            } => {
                reader.source_summary(source)?;
                reader.clips_of_source(source)?
            }
            f => {
                if let Some(source) = &f.source {
                    reader.source_summary(source)?;
                }
                if let Some(claim) = &f.claim {
                    reader.claim(claim)?;
                }
                reader.clip_ids_where(f.source.as_ref(), f.tag.as_deref(), f.claim.as_ref())?
            }
        })
    }

    /// Changes a clip's note and/or tags.
    pub fn edit_clip(&self, id: &ClipId, edit: ClipEdit) -> Result<Clip> {
        let now = self.now();
        self.write(|tx, changes| {
            if let Some(note) = &edit.note {
                tx.set_clip_note(id, note.trim(), now)?;
            }
            if let Some(tags) = &edit.tags {
                tx.set_clip_tags(id, &clean_tags(tags), now)?;
                changes.tags = true;
            }
            Ok(())
        })?;
        Ok(self.store.read()?.clip(id)?)
    }

    /// Puts back a clip that was deleted (undo): same id, quote, note and tags, and
    /// its links to the claims that still exist.
    pub fn restore_clip(&self, mut clip: Clip) -> Result<Clip> {
        clip.updated_at = self.now();
        self.write(|tx, changes| {
            let reader = tx.read();
            reader.source_summary(&clip.source_id)?;
            clip.claims.retain(|c| reader.claim(&c.claim_id).is_ok());
            for link in &clip.claims {
                changes.claim(&link.claim_id);
            }
            changes.tags |= !clip.tags.is_empty();
            Ok(tx.insert_clip(&clip)?)
        })?;
        Ok(self.store.read()?.clip(&clip.id)?)
    }

    /// Every tag with its clip count, most used first.
    pub fn tags(&self) -> Result<Vec<crate::TagCount>> {
        Ok(self
            .store
            .read()?
            .tags()?
            .into_iter()
            .map(|(name, count)| crate::TagCount { name, count })
            .collect())
    }

    pub fn delete_clip(&self, id: &ClipId) -> Result<()> {
        self.write(|tx, changes| {
            changes.tags = true;
            for link in tx.read().clip(id)?.claims {
                changes.claim(&link.claim_id);
            }
            Ok(tx.delete_clip(id)?)
        })
    }

    /// Clip search over quotes, notes, tags, claims and source titles and authors.
    pub fn search(&self, query: &str, limit: usize) -> Result<model::SearchResults> {
        crate::panic_point("search");
        Ok(self.index.search(query, limit)?)
    }
}

/// Builds (without saving) the clip `new` describes in `source`.
pub(crate) fn build_clip(source: &Source, new: &NewClip, now: model::Timestamp) -> Result<Clip> {
    let text = SourceText::new(&source.blocks);
    let (start, end) = match (new.start, new.end, &new.quote) {
        (Some(start), Some(end), _) => (start as usize, end as usize),
        (None, None, Some(quote)) => {
            *text
                .find(quote)
                .first()
                .ok_or_else(|| Error::QuoteNotInSource {
                    source_title: source.meta.title.clone(),
                })?
        }
        (None, None, None) => {
            return Err(Error::InvalidInput(
                "say what to clip: a quote, or a start and an end offset".into(),
            ))
        }
        _ => {
            return Err(Error::InvalidInput(
                "a clip by offsets needs both a start and an end".into(),
            ))
        }
    };
    let (quote, position) = text
        .selectors(start, end)
        .filter(|(q, _)| !q.exact.trim().is_empty())
        .ok_or_else(|| {
            Error::InvalidInput(format!(
                "offsets {start}..{end} do not select text in “{}” (its text has {} characters)",
                source.meta.title,
                text.char_len()
            ))
        })?;
    Ok(Clip {
        id: ClipId::generate(),
        source_id: source.id.clone(),
        page: text.page_at(start),
        quote,
        position,
        note: new.note.trim().to_owned(),
        tags: clean_tags(&new.tags),
        claims: Vec::new(),
        orphaned: false,
        created_at: now,
        updated_at: now,
    })
}

/// Trimmed, non-empty tags, each once (compared without regard to case).
pub(crate) fn clean_tags(tags: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for tag in tags {
        let tag = tag.trim();
        if !tag.is_empty() && !out.iter().any(|t| t.eq_ignore_ascii_case(tag)) {
            out.push(tag.to_owned());
        }
    }
    out
}
