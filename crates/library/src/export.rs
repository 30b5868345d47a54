//! Exports of clips, and of claims with their evidence, into drafts.

use crate::{ClaimView, Export, ExportTarget, Library, Result};
use model::{ClipId, SourceKind, SourceMeta, SourceText, Stance};

impl Library {
    /// The clips, in the order given, as Markdown block quotes each followed by an
    /// attribution line and the source's link.
    pub fn export_markdown(&self, ids: &[ClipId]) -> Result<String> {
        Ok(self
            .export(&ExportTarget::Clips { ids: ids.to_vec() })?
            .markdown)
    }

    /// An export in Markdown, HTML and plain text at once.
    pub fn export(&self, target: &ExportTarget) -> Result<Export> {
        match target {
            ExportTarget::Clips { ids } => {
                let clips = self.quotes(ids)?;
                let quotes = as_quotes(&clips);
                Ok(Export {
                    markdown: cite::markdown(&quotes),
                    html: cite::html(&quotes),
                    text: cite::text(&quotes),
                })
            }
            ExportTarget::Claim { id } => {
                let view = self.claim_view(id)?;
                let title = view.claim.claim.statement.clone();
                let grouped = dossier(&view, self)?;
                let sections: Vec<cite::Section<'_>> = grouped
                    .iter()
                    .map(|(heading, clips)| cite::Section {
                        heading: heading.clone(),
                        quotes: as_quotes(clips),
                    })
                    .collect();
                Ok(Export {
                    markdown: cite::markdown_sections(&title, &sections),
                    html: cite::html_sections(&title, &sections),
                    text: cite::text_sections(&title, &sections),
                })
            }
        }
    }

    /// Writes an export to the file the writer chose (the whole path comes from
    /// them, through a save dialog or the command line).
    pub fn save_export(
        &self,
        target: &ExportTarget,
        format: crate::ExportFormat,
        path: &std::path::Path,
    ) -> Result<()> {
        let export = self.export(target)?;
        std::fs::write(path, export.get(format)).map_err(crate::error::io(path))
    }

    fn quotes(&self, ids: &[ClipId]) -> Result<Vec<Owned>> {
        let reader = self.store.read();
        let mut out = Vec::with_capacity(ids.len());
        for id in ids {
            let clip = reader.clip(id)?;
            let source = reader.source(&clip.source_id)?;
            // A web page's link opens at the quote; PDFs and texts have no such link.
            let fragment = (source.kind == SourceKind::Web).then(|| {
                let repeated = SourceText::new(&source.blocks)
                    .find_exact(&clip.quote.exact)
                    .len()
                    > 1;
                (
                    clip.quote.prefix.clone(),
                    clip.quote.suffix.clone(),
                    repeated,
                )
            });
            out.push(Owned {
                text: clip.quote.exact,
                meta: source.meta,
                page: clip.page,
                fragment,
            });
        }
        Ok(out)
    }
}

/// A clip's quote with what its citation needs, owned.
struct Owned {
    text: String,
    meta: SourceMeta,
    page: Option<u32>,
    /// Prefix, suffix and whether the quote repeats, for a text-fragment link.
    fragment: Option<(String, String, bool)>,
}

fn as_quotes(clips: &[Owned]) -> Vec<cite::Quote<'_>> {
    clips
        .iter()
        .map(|c| cite::Quote {
            text: &c.text,
            meta: &c.meta,
            page: c.page,
            fragment: c
                .fragment
                .as_ref()
                .map(|(prefix, suffix, repeated)| cite::Fragment {
                    quote: &c.text,
                    prefix,
                    suffix,
                    repeated: *repeated,
                }),
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
