//! Importing a saved web page: readable text as blocks, metadata with its origins,
//! the original kept as a blob, and refusals that say what is wrong.

use crate::{hit_ids, open};
use library::NewClip;
use model::{Author, BlockKind, SourceKind};

fn fixture() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/news-article.html")
}

#[test]
fn a_saved_news_page_imports_with_its_text_metadata_and_original() {
    let dir = tempfile::tempdir().unwrap();
    let lib = open(dir.path());
    let source = lib.import_file(&fixture()).unwrap();
    assert_eq!(source.kind, SourceKind::Web);
    let meta = &source.meta;
    assert_eq!(meta.title, "Wind outpaces coal for the first time");
    assert_eq!(
        meta.authors,
        vec![
            Author::Person {
                family: "Okafor".into(),
                given: "Maria".into()
            },
            Author::Organization {
                name: "Ledger Data Desk".into()
            },
        ],
        "persons and organisations told apart"
    );
    assert_eq!(meta.issued.unwrap().to_string(), "2024-03-05");
    assert_eq!(meta.container_title.as_deref(), Some("The Daily Ledger"));
    assert_eq!(meta.publisher.as_deref(), Some("Ledger Media Group"));
    assert_eq!(
        meta.canonical_url.as_deref(),
        Some("https://ledger.example.com/energy/wind-outpaces-coal")
    );
    assert_eq!(meta.language.as_deref(), Some("en-US"));
    assert_eq!(source.origins["authors"], "jsonld");
    assert_eq!(source.origins["containerTitle"], "opengraph");

    let kinds: Vec<BlockKind> = source.blocks.iter().map(|b| b.kind).collect();
    assert!(
        kinds.contains(&BlockKind::Quote)
            && kinds.contains(&BlockKind::Heading)
            && kinds.contains(&BlockKind::ListItem),
        "{kinds:?}"
    );
    let text = model::SourceText::new(&source.blocks).as_str().to_owned();
    assert!(
        text.contains("Café owners near the coast reported fewer outages, & prices fell."),
        "entities decoded, charset handled: {text}"
    );
    assert!(
        !text.contains("Subscribe now") && !text.contains("tracking"),
        "boilerplate and scripts are not text: {text}"
    );

    let blob = source.blob.clone().expect("the original is kept");
    let stored = std::fs::read(dir.path().join("blobs").join(&blob)).unwrap();
    assert_eq!(stored, std::fs::read(fixture()).unwrap(), "byte for byte");

    let clip = lib
        .create_clip(NewClip {
            source_id: source.id.0.clone(),
            quote: Some("the grid turned".into()),
            ..NewClip::default()
        })
        .unwrap();
    assert_eq!(hit_ids(&lib, "turned"), vec![clip.id.0.clone()]);
    let md = lib.export_markdown(std::slice::from_ref(&clip.id)).unwrap();
    assert!(
        md.contains(
            "<https://ledger.example.com/energy/wind-outpaces-coal#:~:text=the%20grid%20turned>"
        ),
        "the link opens the page at the quote: {md}"
    );
    assert_eq!(
        lib.search("bottleneck", 5).unwrap().passage_total,
        1,
        "the page's text is searchable"
    );
    assert_eq!(
        lib.source(&source.id).unwrap().source.blob,
        Some(blob),
        "the blob is recorded in the database"
    );
}

#[test]
fn pages_that_are_not_html_or_have_no_text_are_refused_and_leave_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let lib = open(dir.path());
    let not_html = dir.path().join("data.html");
    std::fs::write(&not_html, "just some words, no markup at all").unwrap();
    let err = lib.import_file(&not_html).unwrap_err();
    assert!(err.to_string().contains("not a web page"), "{err}");
    let empty = dir.path().join("empty.html");
    std::fs::write(&empty, "<html><body><script>x()</script></body></html>").unwrap();
    let err = lib.import_file(&empty).unwrap_err();
    assert!(
        err.to_string().contains("no readable text and no metadata"),
        "a page with nothing to cite is still refused: {err}"
    );
    assert!(lib.sources().unwrap().is_empty());
    assert_eq!(
        std::fs::read_dir(dir.path().join("blobs")).unwrap().count(),
        0,
        "no orphan blob"
    );
}

/// A PDF worker that dies or hangs costs that one import, not the library.
#[test]
fn a_crashing_or_hanging_pdf_reader_is_an_error_for_that_file_only() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("report.pdf");
    std::fs::write(&pdf, b"%PDF-1.4\n% not really\n").unwrap();
    let with_worker = |script: &str, secs: u64| {
        let mut config = crate::test_config();
        config.pdf_worker = Some(library::pdf::PdfWorker {
            program: "/bin/sh".into(),
            args: vec!["-c".into(), script.into()],
            time_limit: std::time::Duration::from_secs(secs),
        });
        config
    };
    let lib_dir = dir.path().join("lib");
    let lib = library::Library::open(&lib_dir, with_worker("kill -SEGV $$", 10)).unwrap();
    let err = lib.import_file(&pdf).unwrap_err();
    assert_eq!(err.code(), library::ErrorCode::ParserCrashed);
    assert!(
        err.to_string().contains("the PDF reader ended with signal"),
        "{err}"
    );
    drop(lib);
    let lib = library::Library::open(&lib_dir, with_worker("sleep 30", 1)).unwrap();
    let started = std::time::Instant::now();
    let err = lib.import_file(&pdf).unwrap_err();
    assert_eq!(err.code(), library::ErrorCode::ParserCrashed);
    assert!(
        err.to_string()
            .contains("took more than 1 seconds and was stopped"),
        "{err}"
    );
    assert!(
        started.elapsed() < std::time::Duration::from_secs(10),
        "the hang was cut short"
    );
    assert!(lib.sources().unwrap().is_empty());
}

/// A page whose article text cannot be found (a gallery drawn by scripts).
const GALLERY: &str = r#"<html lang="en"><head><title>Harbour lights, in pictures</title>
    <meta property="og:site_name" content="The Coast Review">
    <meta property="article:published_time" content="2019-08-06T21:30:00-04:00">
    <meta name="author" content="Jane Doe"></head>
    <body><div id="app"></div><script>renderGallery()</script><img src="a.jpg"></body></html>"#;

#[test]
fn a_page_without_article_text_is_kept_for_its_metadata_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let lib = open(dir.path());
    let path = dir.path().join("gallery.html");
    std::fs::write(&path, GALLERY).unwrap();
    let source = lib
        .import_file(&path)
        .expect("a page with metadata but no text is a source");
    assert_eq!(source.meta.title, "Harbour lights, in pictures");
    assert_eq!(
        source.meta.issued.unwrap().to_string(),
        "2019-08-06",
        "the date as the publisher wrote it"
    );
    assert_eq!(
        source.meta.container_title.as_deref(),
        Some("The Coast Review")
    );
    assert_eq!(source.meta.authors.len(), 1);
    assert!(source.blocks.is_empty(), "no text is made up");
    assert!(source.blob.is_some(), "the original is kept");

    let view = lib.source(&source.id).unwrap();
    assert!(
        !view.has_text,
        "the reader is told there was no article text"
    );
    assert_eq!(view.source.origins["issued"], "meta", "origins are kept");
    assert!(
        lib.source(&lib.import_file(&fixture()).unwrap().id)
            .unwrap()
            .has_text,
        "a page with text says it has text"
    );
    let listed = lib.sources().unwrap();
    assert!(listed.iter().any(|s| s.id == source.id), "listed");
    assert!(
        hit_ids(&lib, "harbour").is_empty(),
        "no clip, and the search still works beside it"
    );
    let err = lib
        .create_clip(NewClip {
            source_id: source.id.0.clone(),
            quote: Some("Harbour".into()),
            ..NewClip::default()
        })
        .unwrap_err();
    assert!(!err.to_string().is_empty(), "nothing to quote from");
}

#[test]
fn a_version_without_text_does_not_replace_a_source_text_or_orphan_its_clips() {
    let dir = tempfile::tempdir().unwrap();
    let lib = open(dir.path());
    let source = lib.import_file(&fixture()).unwrap();
    let clip = lib
        .create_clip(NewClip {
            source_id: source.id.0.clone(),
            quote: Some("the grid turned".into()),
            ..NewClip::default()
        })
        .unwrap();
    let path = dir.path().join("gallery.html");
    std::fs::write(&path, GALLERY).unwrap();
    let err = lib.reimport_file(&source.id, &path).unwrap_err();
    assert!(err.to_string().contains("no article text"), "{err}");
    let view = lib.source(&source.id).unwrap();
    assert_eq!(view.source.blocks, source.blocks, "the text stays");
    assert!(view.orphaned.is_empty(), "the clip stays in place");
    assert_eq!(view.clips[0].id, clip.id);
    assert!(lib.source_versions(&source.id).unwrap().is_empty());
}
