//! Citation styles, citation keys and reference files (BibTeX, BibLaTeX,
//! CSL-JSON, RIS) for the library's sources.

use crate::{Error, Library, Result};
use cite::refs::{self, RefFormat};
use cite::CitationStyle;
use model::{SourceId, SourceKind, SourceMeta};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::path::Path;

/// A style the writer can choose.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct StyleInfo {
    pub id: String,
    pub title: String,
    /// Added by the writer as a `.csl` file (kept in the library's `styles/`).
    pub custom: bool,
}

/// What an import of a reference file did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
#[serde(rename_all = "camelCase")]
pub struct RefImportReport {
    pub added: Vec<SourceId>,
    /// Entries already in the library (same DOI, address or citation key).
    pub already_there: Vec<String>,
    /// Entries that could not come in, each with why.
    pub refused: Vec<String>,
}

/// Saves a new source with its citation key: the one it brings if that key is
/// valid and free, else a new one (Better BibTeX style, unique in the
/// library). Every way a source comes in saves it through here, so exports
/// only read keys and never write.
pub(crate) fn insert_source(tx: &store::Tx<'_>, source: &mut model::Source) -> Result<()> {
    give_key(tx, &mut source.meta, &mut source.origins)?;
    tx.insert_source(source)?;
    Ok(())
}

fn give_key(
    tx: &store::Tx<'_>,
    meta: &mut SourceMeta,
    origins: &mut std::collections::BTreeMap<String, String>,
) -> Result<()> {
    let reader = tx.read();
    if let Some(key) = meta.citation_key.as_deref() {
        if is_valid_key(key) && !reader.keys_starting_with(key)?.iter().any(|k| k == key) {
            return Ok(());
        }
    }
    let base = refs::base_key(meta);
    let taken: HashSet<String> = reader.keys_starting_with(&base)?.into_iter().collect();
    meta.citation_key = Some(refs::unique_key(&base, &taken));
    origins.insert("citationKey".into(), "commonplace".into());
    Ok(())
}

/// Pandoc and LaTeX accept these characters in a key.
pub(crate) fn is_valid_key(key: &str) -> bool {
    !key.is_empty()
        && key.len() <= 100
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | ':' | '.'))
        && key.starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_')
}

impl Library {
    fn styles_dir(&self) -> std::path::PathBuf {
        self.dir.join("styles")
    }

    /// The bundled styles (the named ones first) and the writer's own.
    pub fn styles(&self) -> Result<Vec<StyleInfo>> {
        let mut out = Vec::new();
        for (id, title) in self.custom_styles()? {
            out.push(StyleInfo {
                id,
                title,
                custom: true,
            });
        }
        for (id, title) in cite::bundled_styles() {
            if !out.iter().any(|s: &StyleInfo| s.id == id) {
                out.push(StyleInfo {
                    id,
                    title,
                    custom: false,
                });
            }
        }
        Ok(out)
    }

    fn custom_styles(&self) -> Result<Vec<(String, String)>> {
        let dir = self.styles_dir();
        let Ok(entries) = std::fs::read_dir(&dir) else {
            return Ok(Vec::new());
        };
        let mut out = Vec::new();
        for entry in entries.flatten() {
            let path = entry.path();
            if path.extension().and_then(|e| e.to_str()) != Some("csl") {
                continue;
            }
            let Some(id) = path.file_stem().and_then(|s| s.to_str()) else {
                continue;
            };
            let xml = std::fs::read_to_string(&path).map_err(crate::error::io(&path))?;
            if let Ok(style) = CitationStyle::from_csl(id, &xml) {
                out.push((id.to_owned(), style.title));
            }
        }
        out.sort();
        Ok(out)
    }

    /// A style by name: the writer's `.csl` of that name, else a bundled one.
    pub fn style(&self, name: &str) -> Result<CitationStyle> {
        let name = name.trim();
        let path = self.styles_dir().join(format!("{name}.csl"));
        if is_valid_key(name) && path.is_file() {
            let xml = std::fs::read_to_string(&path).map_err(crate::error::io(&path))?;
            return CitationStyle::from_csl(name, &xml)
                .map_err(|e| Error::InvalidInput(format!("{}: {e}", path.display())));
        }
        CitationStyle::bundled(name).map_err(|e| Error::InvalidInput(e.to_string()))
    }

    /// Where Pandoc finds a style when the export goes to standard output: a
    /// writer's style is its file in the library, a bundled one its CSL address
    /// (which Pandoc fetches).
    pub(crate) fn style_reference(&self, style: &CitationStyle) -> String {
        let path = self.styles_dir().join(format!("{}.csl", style.id));
        if is_valid_key(&style.id) && path.is_file() {
            return path.display().to_string();
        }
        style.csl_id().to_owned()
    }

    /// Adds a `.csl` file to the library's styles, after checking that it renders.
    pub fn add_style(&self, path: &Path) -> Result<StyleInfo> {
        let xml = std::fs::read_to_string(path).map_err(crate::error::io(path))?;
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .map(|s| {
                s.chars()
                    .map(|c| {
                        if c.is_ascii_alphanumeric() || c == '-' {
                            c.to_ascii_lowercase()
                        } else {
                            '-'
                        }
                    })
                    .collect::<String>()
            })
            .filter(|s| is_valid_key(s))
            .ok_or_else(|| {
                Error::InvalidInput(format!("{}: a style file needs a name", path.display()))
            })?;
        let style = CitationStyle::from_csl(&stem, &xml)
            .map_err(|e| Error::InvalidInput(format!("{}: {e}", path.display())))?;
        // Rendering a sample catches styles that parse but cannot cite.
        let sample = SourceMeta {
            title: "Sample".into(),
            ..SourceMeta::default()
        };
        cite::render(
            &style,
            &[cite::Cite {
                item: cite::csl_json::item(&sample, SourceKind::Text, "sample"),
                locator: None,
            }],
        );
        let dir = self.styles_dir();
        std::fs::create_dir_all(&dir).map_err(crate::error::io(&dir))?;
        crate::export::write_file(&dir.join(format!("{stem}.csl")), xml.as_bytes())?;
        Ok(StyleInfo {
            id: stem,
            title: style.title,
            custom: true,
        })
    }

    /// Gives a key to every source saved before keys were given on saving: a
    /// one-time pass at open (nothing to do afterwards but one indexed query).
    pub(crate) fn give_missing_keys(&self) -> Result<()> {
        let missing = self.store.read()?.sources_without_key()?;
        if missing.is_empty() {
            return Ok(());
        }
        let now = self.now();
        self.write(|tx, _| {
            for id in &missing {
                let source = tx.read().source(id)?;
                let (mut meta, mut origins) = (source.meta, source.origins);
                give_key(tx, &mut meta, &mut origins)?;
                tx.update_source_meta(id, &meta, &origins, now)?;
            }
            Ok(())
        })
    }

    /// The sources (all when `ids` is empty) in a reference format.
    pub fn export_references(&self, format: RefFormat, ids: &[SourceId]) -> Result<String> {
        let reader = self.store.read()?;
        let ids: Vec<SourceId> = if ids.is_empty() {
            reader.source_ids()?
        } else {
            ids.to_vec()
        };
        let sources = ids
            .iter()
            .map(|id| reader.source(id))
            .collect::<std::result::Result<Vec<_>, _>>()?;
        let entries: Vec<refs::Entry<'_>> = sources
            .iter()
            .map(|s| refs::Entry {
                key: s.meta.citation_key.as_deref().unwrap_or_default(),
                kind: s.kind,
                meta: &s.meta,
            })
            .collect();
        Ok(refs::write(format, &entries))
    }

    /// Writes the sources' references to a file the writer chose.
    pub fn save_references(&self, format: RefFormat, ids: &[SourceId], path: &Path) -> Result<()> {
        let text = self.export_references(format, ids)?;
        crate::export::write_file(path, text.as_bytes())
    }

    /// Imports a BibTeX, BibLaTeX, CSL-JSON or RIS file: each entry becomes a
    /// source known by its metadata (its text can be added by re-importing the
    /// page or file). Entries already in the library are left as they are.
    pub fn import_references(&self, path: &Path) -> Result<RefImportReport> {
        let bytes = std::fs::read(path).map_err(crate::error::io(path))?;
        let text = String::from_utf8(bytes).map_err(|_| {
            Error::InvalidInput(format!(
                "{}: a reference file must be UTF-8 text",
                path.display()
            ))
        })?;
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let format = RefFormat::detect(name, &text).ok_or_else(|| {
            Error::InvalidInput(format!(
                "{}: not a BibTeX, BibLaTeX, CSL-JSON or RIS file",
                path.display()
            ))
        })?;
        let references = refs::parse(format, &text)
            .map_err(|e| Error::InvalidInput(format!("{}: {e}", path.display())))?;
        let reader = self.store.read()?;
        let mut taken: HashSet<String> = reader.citation_keys()?.into_iter().collect();
        let existing: Vec<SourceMeta> = reader
            .source_ids()?
            .iter()
            .map(|id| reader.source(id).map(|s| s.meta))
            .collect::<std::result::Result<_, _>>()?;
        let now = self.now();
        let mut report = RefImportReport {
            added: Vec::new(),
            already_there: Vec::new(),
            refused: Vec::new(),
        };
        let mut new_sources = Vec::new();
        for reference in references {
            let mut meta = reference.meta;
            let label = meta.title.clone();
            let same = |m: &SourceMeta| {
                (meta.doi.is_some()
                    && m.doi.as_deref().map(str::to_lowercase)
                        == meta.doi.as_deref().map(str::to_lowercase))
                    || (meta.url.is_some() && (m.url == meta.url || m.canonical_url == meta.url))
                    || (meta.citation_key.is_some()
                        && m.citation_key == meta.citation_key
                        && m.title == meta.title)
            };
            if existing.iter().any(same)
                || new_sources.iter().any(|s: &model::Source| same(&s.meta))
            {
                report.already_there.push(label);
                continue;
            }
            // A key that is taken or that Pandoc could not read is replaced.
            if meta
                .citation_key
                .as_deref()
                .is_none_or(|k| !is_valid_key(k) || taken.contains(k))
            {
                meta.citation_key = Some(refs::unique_key(&refs::base_key(&meta), &taken));
            }
            let meta = match crate::sources::clean_meta(meta) {
                Ok(meta) => meta,
                Err(e) => {
                    report.refused.push(format!("{label}: {e}"));
                    continue;
                }
            };
            if let Some(k) = &meta.citation_key {
                taken.insert(k.clone());
            }
            let mut source =
                crate::sources::build_source(SourceKind::Excerpts, meta, Vec::new(), now);
            for origin in source.origins.values_mut() {
                *origin = "reference".into();
            }
            new_sources.push(source);
        }
        drop(reader);
        self.write(|tx, _| {
            for source in &mut new_sources {
                insert_source(tx, source)?;
            }
            Ok(())
        })?;
        report.added = new_sources.into_iter().map(|s| s.id).collect();
        Ok(report)
    }
}
