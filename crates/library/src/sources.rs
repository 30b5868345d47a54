//! Use-cases on sources.

use crate::{Error, Library, NewSource, Result, SourceView};
use ingest::TextFormat;
use model::{Source, SourceId, SourceKind, SourceMeta, SourceSummary, SourceText};
use std::collections::BTreeMap;

impl Library {
    /// Adds a source from text the writer gives, with the metadata they typed.
    pub fn add_source(&self, new: NewSource) -> Result<Source> {
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
        let mut source = build_source(kind, clean_meta(new.meta)?, blocks, self.now());
        self.write(|tx, _| crate::citations::insert_source(tx, &mut source))?;
        Ok(source)
    }

    /// Imports a file as a new source: a web page (.html), Markdown or text. The
    /// title of a text is its first heading (Markdown), else its first line if
    /// short, else the file name.
    pub fn import_file(&self, path: &std::path::Path) -> Result<Source> {
        self.import_file_with(path, None)
    }

    /// Imports a file; `password` opens an encrypted PDF.
    pub fn import_file_with(
        &self,
        path: &std::path::Path,
        password: Option<&str>,
    ) -> Result<Source> {
        let imported = self.read_file(path, password)?;
        let meta = clean_meta(imported.meta)?;
        let mut source = build_source(imported.kind, meta, imported.blocks, self.now());
        if matches!(imported.kind, SourceKind::Web | SourceKind::Pdf) {
            source.origins = imported.origins;
        }
        source.blob = imported.blob;
        self.write(|tx, _| crate::citations::insert_source(tx, &mut source))?;
        Ok(source)
    }

    /// Reads a file into what a source is made of (keeping a web page's bytes as a blob).
    pub(crate) fn read_file(
        &self,
        path: &std::path::Path,
        password: Option<&str>,
    ) -> Result<Imported> {
        let bytes = crate::text_file::read_file_bytes(path)?;
        let name = path.display().to_string();
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or_default()
            .to_ascii_lowercase();
        // The bytes say what a file is before its name does: a PDF saved as
        // `.html` is still a PDF.
        if ext == "pdf" || crate::text_file::is_pdf(&bytes) {
            return self.read_pdf(&bytes, password, path);
        }
        if matches!(ext.as_str(), "html" | "htm" | "xhtml") {
            return self.read_web_page(&bytes, None, &name);
        }
        let markdown = matches!(ext.as_str(), "md" | "markdown" | "mdown");
        if !markdown && !matches!(ext.as_str(), "txt" | "text" | "") {
            return Err(Error::InvalidInput(format!(
                "{name}: Commonplace reads .txt, .md, .html and .pdf files so far; .{ext} files are not supported yet"
            )));
        }
        let text = crate::text_file::decode_text(bytes, &name)?;
        let format = if markdown {
            TextFormat::Markdown
        } else {
            TextFormat::Plain
        };
        let blocks = ingest::blocks(&text, format)
            .map_err(|e| Error::InvalidInput(format!("{name}: {e}")))?;
        let title = title_of(&blocks).unwrap_or_else(|| {
            path.file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_else(|| "Untitled".into())
        });
        let kind = if markdown {
            SourceKind::Markdown
        } else {
            SourceKind::Text
        };
        let meta = SourceMeta {
            title,
            ..SourceMeta::default()
        };
        Ok(Imported::plain(kind, meta, blocks))
    }

    /// Reads a PDF in a child process: its pages' text, each after a page break,
    /// and its metadata (title falling back to the file name).
    pub(crate) fn read_pdf(
        &self,
        bytes: &[u8],
        password: Option<&str>,
        path: &std::path::Path,
    ) -> Result<Imported> {
        let name = path.display().to_string();
        let mut pdf = crate::pdf::extract(self.config.pdf_worker.as_ref(), bytes, password, &name)?;
        if pdf.meta.title.trim().is_empty() || pdf.meta.title.eq_ignore_ascii_case("untitled") {
            pdf.meta.title = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_else(|| "Untitled PDF".into());
            pdf.origins.insert("title".into(), "file name".into());
        }
        let blob = crate::blobs::store(&self.dir.join("blobs"), bytes)?;
        Ok(Imported {
            kind: SourceKind::Pdf,
            meta: pdf.meta,
            origins: pdf.origins,
            blocks: pdf.blocks,
            blob: Some(blob),
        })
    }

    /// Reads a web page: readable text as blocks, the page's metadata with where
    /// each field came from, and its original bytes kept as a blob.
    pub(crate) fn read_web_page(
        &self,
        bytes: &[u8],
        url: Option<&str>,
        name: &str,
    ) -> Result<Imported> {
        // Parsing recurses over the page's tree: give it a deep stack of its own,
        // and turn a panic in the parser into an error for this page.
        let (input, address) = (bytes.to_vec(), url.map(str::to_owned));
        let page = std::thread::Builder::new()
            .name("html-import".into())
            .stack_size(256 * 1024 * 1024)
            .spawn(move || ingest::html::import(&input, address.as_deref()))
            .map_err(crate::error::io(name))?
            .join()
            .map_err(|_| Error::ParserCrashed {
                what: name.to_owned(),
                detail: "the page reader crashed on this page".into(),
            })?
            .map_err(|e| Error::InvalidInput(format!("{name}: {e}")))?;
        // A page without article text is still kept for its metadata (a
        // gallery, a video page, a page drawn by scripts): the writer can cite
        // it, and the reader says there was no text. Not so a paywall fetched
        // by address (saving the page signed in gets the text), nor a page
        // that gives nothing of its own to cite.
        if !page.has_text {
            if let Some(url) = url {
                crate::fetch::refuse_paywall(url, bytes, 0)?;
            }
            let (meta, titled) = (&page.meta, page.origins.get("title").map(String::as_str));
            let citable = (!meta.title.is_empty() && titled != Some("default"))
                || !meta.authors.is_empty()
                || meta.issued.is_some()
                || meta.container_title.is_some()
                || meta.publisher.is_some()
                || meta.doi.is_some();
            if !citable {
                let e = ingest::IngestError::Unreadable(
                    "no readable text and no metadata were found in the page".into(),
                );
                return Err(Error::InvalidInput(format!("{name}: {e}")));
            }
        }
        let blob = crate::blobs::store(&self.dir.join("blobs"), bytes)?;
        Ok(Imported {
            kind: SourceKind::Web,
            meta: page.meta,
            origins: page.origins,
            blocks: page.blocks,
            blob: Some(blob),
        })
    }

    /// Deletes a source with its text and versions. A source with clips is only
    /// deleted with them when `with_clips` says so (else nothing changes and the
    /// error says how many clips it has). Returns how many clips went with it.
    pub fn delete_source(&self, id: &SourceId, with_clips: bool) -> Result<usize> {
        self.write(|tx, changes| {
            let reader = tx.read();
            reader.source_summary(id)?;
            let clips = reader.clips_of_source(id)?;
            if !clips.is_empty() && !with_clips {
                return Err(Error::InvalidInput(format!(
                    "source {id} has {} clip(s); delete them with it explicitly (`--with-clips`), or move them first",
                    clips.len()
                )));
            }
            for clip in &clips {
                for link in reader.clip(clip)?.claims {
                    changes.claim(&link.claim_id);
                }
            }
            changes.tags |= !clips.is_empty();
            tx.delete_source(id)?;
            Ok(clips.len())
        })
    }

    /// Every source, newest first, with its clip count.
    pub fn sources(&self) -> Result<Vec<SourceSummary>> {
        Ok(self.store.read()?.sources()?)
    }

    /// A source with its text and its clips, for the reader.
    pub fn source(&self, id: &SourceId) -> Result<SourceView> {
        let reader = self.store.read()?;
        let source = reader.source(id)?;
        let clips = reader
            .clips_of_source(id)?
            .iter()
            .map(|c| reader.clip(c))
            .collect::<Result<Vec<_>, _>>()?;
        let text = SourceText::new(&source.blocks);
        let block_starts = text.block_starts().iter().map(|&s| s as u32).collect();
        let orphaned = clips
            .iter()
            .filter(|c| {
                let at = text.slice(c.position.start as usize, c.position.end as usize);
                c.orphaned || at != Some(c.quote.exact.as_str())
            })
            .map(|c| c.id.clone())
            .collect();
        let citation = cite::Attribution::new(&source.meta, None).plain();
        Ok(SourceView {
            has_text: source.has_text(),
            source,
            block_starts,
            clips,
            orphaned,
            citation,
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
        blob: None,
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
    meta.number = trim(meta.number);
    meta.genre = trim(meta.genre);
    meta.volume = trim(meta.volume);
    meta.issue = trim(meta.issue);
    // A page range is written with an en dash, as every style prints it, so
    // that each reference format gives back the same text.
    meta.pages = trim(meta.pages).map(|p| match p.split_once(['-', '–']) {
        Some((a, b)) if !a.trim().is_empty() && !b.trim().is_empty() => {
            format!("{}–{}", a.trim(), b.trim_start_matches('-').trim())
        }
        _ => p,
    });
    meta.edition = trim(meta.edition);
    meta.place = trim(meta.place);
    meta.citation_key = trim(meta.citation_key);
    if let Some(key) = &meta.citation_key {
        if !crate::citations::is_valid_key(key) {
            return Err(Error::InvalidInput(format!(
                "`{key}` cannot be a citation key: use letters, digits and _ - : . only"
            )));
        }
    }
    if let Some(url) = &meta.url {
        let scheme_ok = url.starts_with("https://") || url.starts_with("http://");
        if !scheme_ok {
            return Err(Error::InvalidInput(format!(
                "`{url}` is not a web address: a link must start with https:// or http://"
            )));
        }
    }
    meta.authors.retain(|a| !a.display_name().trim().is_empty());
    meta.editors.retain(|a| !a.display_name().trim().is_empty());
    Ok(meta)
}

/// A title taken from the text: the first heading, or a short first paragraph.
fn title_of(blocks: &[model::Block]) -> Option<String> {
    let first = blocks.first()?;
    let heading = blocks.iter().find(|b| b.kind == model::BlockKind::Heading);
    match heading {
        Some(h) => Some(h.text.clone()),
        None if first.text.chars().count() <= 120 => Some(first.text.clone()),
        None => None,
    }
}

/// What a file or page is made of, before it becomes (or replaces) a source.
#[derive(Debug, Clone)]
pub(crate) struct Imported {
    pub kind: SourceKind,
    pub meta: SourceMeta,
    pub origins: BTreeMap<String, String>,
    pub blocks: Vec<model::Block>,
    pub blob: Option<String>,
}
