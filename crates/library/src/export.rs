//! Exports of clips into drafts.

use crate::{Library, Result};
use model::ClipId;

impl Library {
    /// The clips, in the order given, as Markdown block quotes each followed by an
    /// attribution line and the source's link.
    pub fn export_markdown(&self, ids: &[ClipId]) -> Result<String> {
        let reader = self.store.read();
        let mut clips = Vec::with_capacity(ids.len());
        for id in ids {
            let clip = reader.clip(id)?;
            let source = reader.source(&clip.source_id)?;
            clips.push((clip, source.meta));
        }
        let quotes: Vec<cite::Quote<'_>> = clips
            .iter()
            .map(|(clip, meta)| cite::Quote {
                text: &clip.quote.exact,
                meta,
                page: clip.page,
            })
            .collect();
        Ok(cite::markdown(&quotes))
    }
}
