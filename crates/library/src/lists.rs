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
            new_captures: reader.unseen_capture_count()?,
        })
    }

    /// Sources `offset..offset + limit`, newest first, of those whose title,
    /// authors and site hold every word of `filter` (case aside); all of them
    /// when it is blank.
    pub fn sources_page(&self, offset: u32, limit: u32, filter: &str) -> Result<SourcePage> {
        let limit = limit.min(MAX_PAGE);
        let reader = self.store.read()?;
        let words = Words::new(filter);
        if words.is_empty() {
            return Ok(SourcePage {
                items: reader.sources_page(offset, limit)?,
                total: reader.source_count()?,
            });
        }
        let matching: Vec<_> = reader
            .source_metas()?
            .into_iter()
            .filter(|(_, meta)| words.all_in(&source_text(meta)))
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
    /// holds every word of `filter` (case aside); all of them when it is blank.
    pub fn claims_page(&self, offset: u32, limit: u32, filter: &str) -> Result<ClaimPage> {
        let limit = limit.min(MAX_PAGE);
        let reader = self.store.read()?;
        let words = Words::new(filter);
        if words.is_empty() {
            return Ok(ClaimPage {
                items: reader.claims_page(offset, limit)?,
                total: reader.claim_count()?,
            });
        }
        let matching: Vec<_> = reader
            .claim_statements()?
            .into_iter()
            .filter(|(_, statement)| words.all_in(statement))
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

/// The words of a list's filter, lower-cased.
struct Words(Vec<String>);

impl Words {
    fn new(filter: &str) -> Words {
        Words(filter.split_whitespace().map(str::to_lowercase).collect())
    }

    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Every word is somewhere in `text`, case aside.
    fn all_in(&self, text: &str) -> bool {
        let text = text.to_lowercase();
        self.0.iter().all(|w| text.contains(w.as_str()))
    }
}

/// What the sources filter reads: the title, the authors and the site.
fn source_text(meta: &SourceMeta) -> String {
    let mut text = meta.title.clone();
    for author in &meta.authors {
        text.push('\n');
        text.push_str(&author.display_name());
    }
    if let Some(site) = &meta.container_title {
        text.push('\n');
        text.push_str(site);
    }
    text
}
