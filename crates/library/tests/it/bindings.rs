//! The TypeScript twins of every type that crosses IPC are generated from the Rust
//! types and committed in `ui/src/lib/bindings.ts`. This test fails when that file
//! is stale; run it with `UPDATE_BINDINGS=1` to write the file anew.

use ts_rs::{Config, TS};

macro_rules! decls {
    ($cfg:expr; $($ty:ty),* $(,)?) => {
        vec![$(format!("export {}", <$ty as TS>::decl($cfg))),*]
    };
}

fn render() -> String {
    let cfg = &Config::default();
    let decls = decls![cfg;
        model::SourceId, model::ClipId, model::ClaimId,
        model::PartialDate, model::Author, model::SourceMeta, model::SourceKind,
        model::BlockKind, model::Block, model::Source, model::SourceSummary,
        model::TextQuoteSelector, model::TextPositionSelector, model::Stance,
        model::ClipClaim, model::Clip, model::Claim, model::ClaimSummary, model::ClaimLink,
        model::SnippetPart, model::ClipHit, model::PassageHit, model::FacetCount, model::Facets,
        model::SearchResults,
        library::NewSource, library::NewClip, library::ClipEdit, library::NewClaim,
        library::SourceView, library::ClipView, library::TagCount, library::Evidence,
        library::ClaimView, library::ExportTarget, library::Export, library::ExportFormat, library::ErrorCode,
        library::ApiError, library::ReimportReport, library::SourceVersion,
        library::PastedQuote, model::ItemType, library::ExportOptions, library::StyleInfo,
        library::RefImportReport, library::Changes, library::ClipFilter, library::Overview,
        library::SourcePage, library::ClaimPage, library::CitationPreview,
        model::QuoteVerdict, model::QuoteFlag, model::CitedAs, model::DiffKind, model::DiffPart,
        model::SourceSpan, model::QuoteCheck, model::QuoteSummary, model::DraftReport,
        library::DraftSource,
        library::CapturePlacement, library::CaptureView, library::CapturedPage,
        library::CapturedSelection, library::NewCapture, library::CaptureNote, library::ClaimChoice,
        library::browser::manifests::Browser, library::browser::manifests::HostManifest,
    ];
    let mut out = String::from(
        "// Generated from the Rust types by crates/library/tests/it/bindings.rs.\n\
         // Do not edit: run `UPDATE_BINDINGS=1 cargo test -p library bindings` instead.\n\n",
    );
    for decl in decls {
        out.push_str(&decl);
        out.push_str("\n\n");
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

#[test]
fn typescript_bindings_are_up_to_date() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/lib/bindings.ts");
    let fresh = render();
    if std::env::var_os("UPDATE_BINDINGS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &fresh).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == fresh,
        "ui/src/lib/bindings.ts is stale: the Rust wire types changed. \
         Run `UPDATE_BINDINGS=1 cargo test -p library bindings` and commit the result."
    );
}
