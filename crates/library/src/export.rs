//! Exports of clips, and of claims with their evidence, into drafts: in a chosen
//! citation style, with notes or a bibliography, as Pandoc Markdown with its
//! bibliography file, or through the writer's template.

use crate::{ClaimView, Error, Export, ExportOptions, ExportTarget, Library, Result};
use model::{BlockKind, ClipId, SourceKind, SourceMeta, SourceText, Stance};
use std::path::{Path, PathBuf};

impl Library {
    /// The clips, in the order given, as Markdown block quotes each followed by an
    /// attribution line and the source's link.
    pub fn export_markdown(&self, ids: &[ClipId]) -> Result<String> {
        Ok(self
            .export(
                &ExportTarget::Clips { ids: ids.to_vec() },
                &ExportOptions::default(),
            )?
            .markdown)
    }

    /// An export in every format at once. It only reads: every source has its
    /// citation key from the moment it was saved.
    pub fn export(&self, target: &ExportTarget, options: &ExportOptions) -> Result<Export> {
        let style = match options.style.as_deref().map(str::trim) {
            Some(name) if !name.is_empty() => Some(self.style(name)?),
            _ => None,
        };
        let template = match options.template.as_deref() {
            Some(t) if !t.trim().is_empty() => {
                Some(cite::Template::new(t).map_err(|e| Error::InvalidInput(e.to_string()))?)
            }
            _ => None,
        };
        let (title, groups) = match target {
            ExportTarget::Clips { ids } => (None, vec![(String::new(), self.quotes(ids)?)]),
            ExportTarget::Source { id } => {
                let filter = crate::ClipFilter {
                    source: Some(id.clone()),
                    ..Default::default()
                };
                let ids = self.clip_ids(&filter)?;
                let title = self.store.read()?.source_summary(id)?.title;
                (Some(title), vec![(String::new(), self.quotes(&ids)?)])
            }
            ExportTarget::Tag { tag } => {
                let filter = crate::ClipFilter {
                    tag: Some(tag.clone()),
                    ..Default::default()
                };
                let ids = self.clip_ids(&filter)?;
                if ids.is_empty() {
                    return Err(Error::NotFound {
                        entity: "clip with the tag",
                        id: tag.clone(),
                    });
                }
                (None, vec![(String::new(), self.quotes(&ids)?)])
            }
            ExportTarget::Claim { id } => {
                let view = self.claim_view(id)?;
                (
                    Some(view.claim.claim.statement.clone()),
                    dossier(&view, self)?,
                )
            }
        };
        let sections: Vec<cite::Section<'_>> = groups
            .iter()
            .map(|(heading, clips)| cite::Section {
                heading: heading.clone(),
                quotes: as_quotes(clips),
            })
            .collect();
        let csl = match (&options.pandoc_csl, &style) {
            (Some(file), _) => Some(file.clone()),
            (None, Some(style)) => Some(self.style_reference(style)),
            (None, None) => None,
        };
        let opts = cite::Options {
            style: style.as_ref(),
            bibliography: options.bibliography,
            link: options.link,
            pandoc_bibliography: options.pandoc_bibliography.as_deref(),
            pandoc_csl: csl.as_deref(),
            template: template.as_ref(),
        };
        let out = cite::export(title.as_deref(), &sections, &opts)
            .map_err(|e| Error::InvalidInput(e.to_string()))?;
        // The CSL-JSON bibliography a Pandoc export cites from: every cited work once.
        let mut seen = Vec::new();
        let mut items = Vec::new();
        for quote in sections.iter().flat_map(|s| s.quotes.iter()) {
            if !seen.contains(&quote.key) {
                seen.push(quote.key);
                items.push(cite::csl_json::item(quote.meta, quote.kind, quote.key));
            }
        }
        let bibliography = serde_json::to_string_pretty(&items)
            .map_err(|e| Error::InvalidInput(e.to_string()))?
            + "\n";
        Ok(Export {
            markdown: out.markdown,
            html: out.html,
            text: out.text,
            pandoc: out.pandoc,
            bibliography,
        })
    }

    /// How a clip is cited in a style (its in-text citation or note, and its
    /// reference-list entry), as an export in that style cites it; without a
    /// style, its attribution line.
    pub fn clip_citation(
        &self,
        id: &ClipId,
        style: Option<&str>,
    ) -> Result<crate::CitationPreview> {
        let style = match style.map(str::trim) {
            Some(name) if !name.is_empty() => self.style(name)?,
            _ => {
                return Ok(crate::CitationPreview {
                    style: None,
                    citation: self.clip(id)?.citation,
                    reference: None,
                    note: false,
                })
            }
        };
        let owned = self.quotes(std::slice::from_ref(id))?;
        let quotes = as_quotes(&owned);
        let cites: Vec<cite::Cite> = quotes
            .iter()
            .map(|q| cite::Cite {
                item: cite::csl_json::item(q.meta, q.kind, q.key),
                locator: q.locator_in(&style),
            })
            .collect();
        let rendered = cite::render(&style, &cites);
        Ok(crate::CitationPreview {
            style: Some(style.id.clone()),
            citation: rendered
                .citations
                .first()
                .map(|c| c.plain())
                .unwrap_or_default(),
            reference: rendered.bibliography.first().map(|r| r.plain()),
            note: rendered.note_style,
        })
    }

    /// Writes an export to the file the writer chose (the whole path comes from
    /// them, through a save dialog or the command line). A Pandoc export also
    /// writes its bibliography beside it (`draft.md` and `draft.json`), in the same
    /// folder and nowhere else.
    pub fn save_export(
        &self,
        target: &ExportTarget,
        format: crate::ExportFormat,
        options: &ExportOptions,
        path: &Path,
    ) -> Result<Vec<PathBuf>> {
        if format == crate::ExportFormat::Pandoc {
            let name_of = |p: &Path| {
                p.file_name()
                    .and_then(|n| n.to_str())
                    .unwrap_or_default()
                    .to_owned()
            };
            let bib_path = companion(path, "json")?;
            // The style goes beside the draft as a file, so Pandoc cites with it
            // offline and the folder travels whole.
            let style = match options.style.as_deref().map(str::trim) {
                Some(name) if !name.is_empty() => Some(self.style(name)?),
                _ => None,
            };
            let csl_path = style.as_ref().map(|_| companion(path, "csl")).transpose()?;
            let options = ExportOptions {
                pandoc_bibliography: Some(name_of(&bib_path)),
                pandoc_csl: csl_path.as_deref().map(name_of),
                ..options.clone()
            };
            let export = self.export(target, &options)?;
            let mut written = vec![path.to_owned(), bib_path.clone()];
            if let (Some(style), Some(csl_path)) = (&style, &csl_path) {
                let xml = style
                    .to_csl_xml()
                    .map_err(|e| Error::InvalidInput(e.to_string()))?;
                write_file(csl_path, xml.as_bytes())?;
                written.push(csl_path.clone());
            }
            write_file(&bib_path, export.bibliography.as_bytes())?;
            write_file(path, export.pandoc.as_bytes())?;
            return Ok(written);
        }
        let export = self.export(target, options)?;
        write_file(path, export.get(format).as_bytes())?;
        Ok(vec![path.to_owned()])
    }

    fn quotes(&self, ids: &[ClipId]) -> Result<Vec<Owned>> {
        let reader = self.store.read()?;
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            let clip = reader.clip(id)?;
            let source = reader.source(&clip.source_id)?;
            let text = SourceText::new(&source.blocks);
            // A web page's link opens at the quote; PDFs and texts have no such link.
            let fragment = (source.kind == SourceKind::Web).then(|| {
                let repeated = text.find_exact(&clip.quote.exact).len() > 1;
                (
                    clip.quote.prefix.clone(),
                    clip.quote.suffix.clone(),
                    repeated,
                )
            });
            // Pages locate a quote in a PDF; elsewhere, the paragraph it starts in.
            // A source made of excerpts has no paragraphs of its own to count.
            let counted = clip.page.is_none()
                && !clip.orphaned
                && source.kind != SourceKind::Excerpts
                && !source.blocks.is_empty();
            let paragraph = counted
                .then(|| {
                    paragraph_of(
                        &source.blocks,
                        &source.meta,
                        &text,
                        clip.position.start as usize,
                    )
                })
                .flatten();
            out.push(Owned {
                text: clip.quote.exact,
                meta: source.meta,
                kind: source.kind,
                page: clip.page,
                paragraph,
                fragment,
                note: clip.note,
                tags: clip.tags,
            });
        }
        Ok(out)
    }
}

/// The number of the paragraph that holds the offset, from 1, counted as APA
/// 8.28 counts them: paragraphs of the text, so headings, page breaks and the
/// byline or dateline above the first paragraph are not counted. A quote in
/// the byline itself has no paragraph.
fn paragraph_of(
    blocks: &[model::Block],
    meta: &SourceMeta,
    text: &SourceText,
    offset: usize,
) -> Option<u32> {
    let starts = text.block_starts();
    let mut n = 0u32;
    let mut found = None;
    let mut in_body = false;
    for (block, start) in blocks.iter().zip(starts) {
        if *start > offset {
            break;
        }
        if matches!(block.kind, BlockKind::Heading | BlockKind::PageBreak) {
            continue;
        }
        if !in_body && is_byline(&block.text, meta) {
            found = None;
            continue;
        }
        in_body = true;
        n += 1;
        found = Some(n);
    }
    found
}

/// A short line above the text that names its authors or its date ("By Yan
/// Zhang and Brenda Goh", "Updated 10 April 2021", "Reuters Staff").
fn is_byline(text: &str, meta: &SourceMeta) -> bool {
    let text = text.trim();
    if text.chars().count() > 120 {
        return false;
    }
    let lower = text.to_lowercase();
    let prefixes = [
        "by ",
        "von ",
        "par ",
        "por ",
        "di ",
        "updated",
        "published",
        "posted",
        "last updated",
        "first published",
        "modified",
    ];
    if prefixes.iter().any(|p| lower.starts_with(p)) {
        return true;
    }
    let words = lower.split_whitespace().count();
    let names_an_author = meta.authors.iter().any(|a| {
        let name = match a {
            model::Author::Person { family, .. } => family.to_lowercase(),
            model::Author::Organization { name } => name.to_lowercase(),
        };
        !name.is_empty() && lower.contains(&name)
    });
    names_an_author && words <= 10 && !text.ends_with(['.', '?', '!', '"', '”'])
}

/// `draft.md` → `draft.json`, in the same folder.
fn companion(path: &Path, extension: &str) -> Result<PathBuf> {
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .filter(|s| !s.is_empty())
        .ok_or_else(|| Error::InvalidInput(format!("{}: not a file name", path.display())))?;
    let safe: String = stem
        .chars()
        .map(|c| {
            if c.is_control() || matches!(c, '/' | '\\') {
                '-'
            } else {
                c
            }
        })
        .collect();
    Ok(path.with_file_name(format!("{safe}.{extension}")))
}

/// Writes a whole file or nothing: into a temporary file beside it, then renamed
/// over it, so a full disk or a crash never leaves half a file where a good one was.
pub(crate) fn write_file(path: &Path, bytes: &[u8]) -> Result<()> {
    use std::io::Write;
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path
        .file_name()
        .ok_or_else(|| Error::InvalidInput(format!("{}: not a file name", path.display())))?;
    if !dir.is_dir() {
        return Err(Error::InvalidInput(format!(
            "{}: the folder does not exist",
            dir.display()
        )));
    }
    let tmp = dir.join(format!(".{}.tmp", name.to_string_lossy()));
    let result = (|| {
        let mut file = std::fs::File::create(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.map_err(crate::error::io(path))
}

/// A clip's quote with what its citation needs, owned.
struct Owned {
    text: String,
    meta: SourceMeta,
    kind: SourceKind,
    page: Option<u32>,
    paragraph: Option<u32>,
    /// Prefix, suffix and whether the quote repeats, for a text-fragment link.
    fragment: Option<(String, String, bool)>,
    note: String,
    tags: Vec<String>,
}

fn as_quotes(clips: &[Owned]) -> Vec<cite::Quote<'_>> {
    clips
        .iter()
        .map(|c| cite::Quote {
            text: &c.text,
            meta: &c.meta,
            kind: c.kind,
            key: c.meta.citation_key.as_deref().unwrap_or_default(),
            page: c.page,
            paragraph: c.paragraph,
            fragment: c
                .fragment
                .as_ref()
                .map(|(prefix, suffix, repeated)| cite::Fragment {
                    quote: &c.text,
                    prefix,
                    suffix,
                    repeated: *repeated,
                }),
            note: &c.note,
            tags: &c.tags,
        })
        .collect()
}

fn dossier(view: &ClaimView, lib: &Library) -> Result<Vec<(String, Vec<Owned>)>> {
    let mut out = Vec::new();
    for (stance, heading) in [
        (Stance::Supports, "Supports"),
        (Stance::Contradicts, "Contradicts"),
        (Stance::Context, "Context"),
    ] {
        let ids: Vec<ClipId> = view
            .evidence
            .iter()
            .filter(|e| e.stance == stance)
            .map(|e| e.clip.id.clone())
            .collect();
        out.push((heading.to_owned(), lib.quotes(&ids)?));
    }
    Ok(out)
}
