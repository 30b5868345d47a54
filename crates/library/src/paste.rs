//! A quote pasted with where it comes from: the clip and its source together. A
//! source already saved under the same web address is reused when the quote is in
//! it; otherwise the quote starts an "excerpts" source of its own.

use crate::sources::{build_source, clean_meta};
use crate::{Library, NewClip, Result};
use model::{Block, Clip, SourceKind, SourceMeta};
use serde::{Deserialize, Serialize};

/// A pasted quote and what the writer said of its source.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct PastedQuote {
    pub quote: String,
    pub meta: SourceMeta,
}

impl Library {
    pub fn clip_pasted_quote(&self, pasted: PastedQuote) -> Result<Clip> {
        let quote = ingest::normalize_inline(&pasted.quote);
        if quote.is_empty() {
            return Err(crate::Error::InvalidInput(
                "the pasted quote is empty".into(),
            ));
        }
        if let Some(url) = pasted
            .meta
            .url
            .as_deref()
            .map(str::trim)
            .filter(|u| !u.is_empty())
        {
            let reader = self.store.read()?;
            if let Some(id) = reader.source_by_url(url)? {
                let existing = reader.source(&id)?;
                drop(reader);
                if !model::SourceText::new(&existing.blocks)
                    .find(&quote)
                    .is_empty()
                {
                    return self.create_clip(NewClip {
                        source_id: id.0,
                        quote: Some(quote),
                        ..NewClip::default()
                    });
                }
            }
        }
        let meta = clean_meta(pasted.meta)?;
        let mut source = build_source(
            SourceKind::Excerpts,
            meta,
            vec![Block::paragraph(quote.clone())],
            self.now(),
        );
        // The source and its first clip are saved together.
        let clip = crate::clips::build_clip(
            &source,
            &NewClip {
                source_id: source.id.0.clone(),
                quote: Some(quote),
                ..NewClip::default()
            },
            self.now(),
        )?;
        self.write(|tx, _| {
            crate::citations::insert_source(tx, &mut source)?;
            Ok(tx.insert_clip(&clip)?)
        })?;
        Ok(clip)
    }
}
