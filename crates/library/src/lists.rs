//! The lists the workspace shows, in pages: the window asks for the rows it
//! shows, so nothing it does at start grows with the library.

use crate::{ClaimPage, Library, Overview, Result, SourcePage, TagCount};
use model::SourceMeta;

/// The most rows one call returns.
const MAX_PAGE: u32 = 1000;

impl Library {
    /// The library's folder and how many sources, clips, claims and tags it holds.
    pub fn overview(&self) -> Result<Overview> {
        let reader = self.store.read()?;
        let (clips, tags) = reader.clip_and_tag_counts()?;
        Ok(Overview {
            path: self.dir().display().to_string(),
            sources: reader.source_count()?,
            clips,
            claims: reader.claim_count()?,
            tags,
        })
    }

    /// Sources `offset..offset + limit`, newest first, of those whose title,
    /// authors or site hold `filter` (case aside); all of them when it is blank.
    pub fn sources_page(&self, offset: u32, limit: u32, filter: &str) -> Result<SourcePage> {
        let limit = limit.min(MAX_PAGE);
        let reader = self.store.read()?;
        let needle = filter.trim().to_lowercase();
        if needle.is_empty() {
            return Ok(SourcePage {
                items: reader.sources_page(offset, limit)?,
                total: reader.source_count()?,
            });
        }
        let matching: Vec<_> = reader
            .source_metas()?
            .into_iter()
            .filter(|(_, meta)| source_matches(meta, &needle))
            .map(|(id, _)| id)
            .collect();
        let items = matching
            .iter()
            .skip(offset as usize)
            .take(limit as usize)
            .map(|id| reader.source_summary(id))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(SourcePage {
            items,
            total: matching.len() as u32,
        })
    }

    /// Claims `offset..offset + limit`, alphabetically, of those whose statement
    /// holds `filter` (case aside); all of them when it is blank.
    pub fn claims_page(&self, offset: u32, limit: u32, filter: &str) -> Result<ClaimPage> {
        let limit = limit.min(MAX_PAGE);
        let reader = self.store.read()?;
        let needle = filter.trim().to_lowercase();
        if needle.is_empty() {
            return Ok(ClaimPage {
                items: reader.claims_page(offset, limit)?,
                total: reader.claim_count()?,
            });
        }
        let matching: Vec<_> = reader
            .claim_statements()?
            .into_iter()
            .filter(|(_, statement)| statement.to_lowercase().contains(&needle))
            .map(|(id, _)| id)
            .collect();
        let items = matching
            .iter()
            .skip(offset as usize)
            .take(limit as usize)
            .map(|id| reader.claim(id))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(ClaimPage {
            items,
            total: matching.len() as u32,
        })
    }

    /// The `limit` most used tags with their clip counts, most used first.
    pub fn top_tags(&self, limit: u32) -> Result<Vec<TagCount>> {
        Ok(self
            .store
            .read()?
            .top_tags(limit)?
            .into_iter()
            .map(|(name, count)| TagCount { name, count })
            .collect())
    }
}

fn source_matches(meta: &SourceMeta, needle: &str) -> bool {
    let holds = |text: &str| text.to_lowercase().contains(needle);
    holds(&meta.title)
        || meta.container_title.as_deref().is_some_and(holds)
        || meta.authors.iter().any(|a| holds(&a.display_name()))
}
