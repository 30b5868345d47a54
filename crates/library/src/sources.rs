//! Use-cases on sources.

use crate::{Error, Library, NewSource, Result, SourceView};
use ingest::TextFormat;
use model::{Source, SourceId, SourceKind, SourceMeta, SourceSummary, SourceText};
use std::collections::BTreeMap;

impl Library {
    /// Adds a source from text the writer gives, with the metadata they typed.
    pub fn add_source(&mut self, new: NewSource) -> Result<Source> {
        let format = if new.markdown {
            TextFormat::Markdown
        } else {
            TextFormat::Plain
        };
        let blocks = ingest::blocks(&new.text, format)?;
        let kind = if new.markdown {
            SourceKind::Markdown
        } else {
            SourceKind::Text
        };
        let source = build_source(kind, clean_meta(new.meta)?, blocks, self.now());
        self.store.write(|tx| tx.insert_source(&source))?;
        self.apply_outbox()?;
        Ok(source)
    }

    /// Every source, newest first, with its clip count.
    pub fn sources(&self) -> Result<Vec<SourceSummary>> {
        Ok(self.store.read().sources()?)
    }

    /// A source with its text and its clips, for the reader.
    pub fn source(&self, id: &SourceId) -> Result<SourceView> {
        let reader = self.store.read();
        let source = reader.source(id)?;
        let clips = reader
            .clips_of_source(id)?
            .iter()
            .map(|c| reader.clip(c))
            .collect::<Result<Vec<_>, _>>()?;
        let block_starts = SourceText::new(&source.blocks)
            .block_starts()
            .iter()
            .map(|&s| s as u32)
            .collect();
        Ok(SourceView {
            source,
            block_starts,
            clips,
        })
    }
}

/// A new source (not yet saved) with every given field marked as the user's.
pub(crate) fn build_source(
    kind: SourceKind,
    meta: SourceMeta,
    blocks: Vec<model::Block>,
    now: model::Timestamp,
) -> Source {
    let origins: BTreeMap<String, String> = meta
        .filled_fields()
        .into_iter()
        .map(|f| (f.to_owned(), "user".to_owned()))
        .collect();
    let text_hash = store::text_hash(SourceText::new(&blocks).as_str());
    Source {
        id: SourceId::generate(),
        kind,
        meta,
        origins,
        blocks,
        text_hash,
        created_at: now,
        updated_at: now,
    }
}

/// Trims the metadata and checks what a citation cannot do without.
pub(crate) fn clean_meta(mut meta: SourceMeta) -> Result<SourceMeta> {
    meta.title = meta.title.trim().to_owned();
    if meta.title.is_empty() {
        return Err(Error::InvalidInput(
            "a source needs a title: it is how the source is cited and found".into(),
        ));
    }
    let trim = |v: Option<String>| v.map(|s| s.trim().to_owned()).filter(|s| !s.is_empty());
    meta.container_title = trim(meta.container_title);
    meta.publisher = trim(meta.publisher);
    meta.url = trim(meta.url);
    meta.canonical_url = trim(meta.canonical_url);
    meta.doi = trim(meta.doi);
    meta.isbn = trim(meta.isbn);
    meta.language = trim(meta.language);
    if let Some(url) = &meta.url {
        let scheme_ok = url.starts_with("https://") || url.starts_with("http://");
        if !scheme_ok {
            return Err(Error::InvalidInput(format!(
                "`{url}` is not a web address: a link must start with https:// or http://"
            )));
        }
    }
    meta.authors.retain(|a| !a.display_name().trim().is_empty());
    Ok(meta)
}
