//! What goes into a draft is safe and right (issue 11), through the real
//! library: hostile metadata escaped in every export, citations the styles'
//! way, re-imports that keep what was there, paragraphs counted as APA counts
//! them, and the index kept small however it is used.

use super::{add_article, open, ARTICLE};
use library::{
    ClipFilter, ExportFormat, ExportOptions, ExportTarget, IdKind, Library, NewClaim, NewClip,
    NewSource,
};
use model::{Author, ItemType, SourceId, SourceMeta, Stance};

fn clip(lib: &Library, source: &SourceId, quote: &str) -> model::ClipId {
    lib.create_clip(NewClip {
        source_id: source.to_string(),
        quote: Some(quote.into()),
        ..NewClip::default()
    })
    .unwrap()
    .id
}

fn export(lib: &Library, ids: Vec<model::ClipId>, options: ExportOptions) -> library::Export {
    lib.export(&ExportTarget::Clips { ids }, &options).unwrap()
}

/// Issue 11.1: an organisation author written as markup came out as a live
/// `<img onerror>` element in the HTML export.
#[test]
fn a_hostile_author_is_text_in_the_html_export() {
    let dir = tempfile::tempdir().unwrap();
    let lib = open(dir.path());
    let source = lib
        .add_source(NewSource {
            text: "Plain words to quote from.".into(),
            markdown: false,
            meta: SourceMeta {
                title: "Plain".into(),
                authors: vec![Author::Organization {
                    name: "<img src=x onerror=alert(document.domain)>".into(),
                }],
                publisher: Some("<b>bold</b>".into()),
                ..SourceMeta::default()
            },
        })
        .unwrap();
    let id = clip(&lib, &source.id, "words to quote");
    for options in [
        ExportOptions::default(),
        ExportOptions {
            style: Some("apa".into()),
            bibliography: true,
            ..ExportOptions::default()
        },
    ] {
        let out = export(&lib, vec![id.clone()], options);
        assert!(!out.html.contains("<img"), "{}", out.html);
        assert!(!out.html.contains("<b>"), "{}", out.html);
        assert!(out.html.contains("&lt;img src=x"), "{}", out.html);
        assert!(out.markdown.contains(r"\<img src=x"), "{}", out.markdown);
    }
}

/// Issue 11.1: a web page whose JSON-LD author is `<svg onload=...>`.
#[test]
fn a_hostile_author_from_a_web_page_is_text_in_the_html_export() {
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("page.html");
    std::fs::write(
        &page,
        r#"<html><head><title>Hostile</title>
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Hostile","author":{"@type":"Person","name":"<svg onload=alert(2)>"}}</script>
</head><body><article><p>The text of the article is long enough to be read as the article itself by the reader.</p>
<p>A second paragraph with the words a writer wants to quote in a draft.</p></article></body></html>"#,
    )
    .unwrap();
    let lib = open(&dir.path().join("lib"));
    let source = lib.import_file(&page).unwrap();
    let id = clip(&lib, &source.id, "the words a writer wants to quote");
    let out = export(&lib, vec![id], ExportOptions::default());
    assert!(!out.html.contains("<svg"), "{}", out.html);
    assert!(
        !out.html.contains("onload"),
        "markup is not taken for an author's name: {}",
        out.html
    );
}

/// Issue 11.2: a quote holding `<script>` or a `javascript:` link came out
/// live in the Markdown export.
#[test]
fn a_hostile_quote_is_text_in_the_markdown_export() {
    let dir = tempfile::tempdir().unwrap();
    let lib = open(dir.path());
    let text = "Before <script>alert(1)</script> and [x](javascript:alert(3)) after.";
    let source = lib
        .add_source(NewSource {
            text: text.into(),
            markdown: false,
            meta: SourceMeta {
                title: "Markup in the text".into(),
                ..SourceMeta::default()
            },
        })
        .unwrap();
    let id = clip(&lib, &source.id, text);
    let out = export(&lib, vec![id], ExportOptions::default());
    assert!(
        out.markdown
            .contains(r"\<script\>alert(1)\</script\> and \[x\](javascript:alert(3))"),
        "{}",
        out.markdown
    );
}

/// Issue 11.5: `source add` made every source a "document", cited "In *The
/// Wall Street Journal*".
#[test]
fn a_text_with_a_site_is_cited_as_an_article_not_as_a_part_of_a_document() {
    let dir = tempfile::tempdir().unwrap();
    let lib = open(dir.path());
    let source = lib
        .add_source(NewSource {
            text: "Beijing halted the listing at the last minute.".into(),
            markdown: false,
            meta: SourceMeta {
                title: "Ant's IPO is suspended".into(),
                authors: vec![Author::Person {
                    family: "Wei".into(),
                    given: "Lingling".into(),
                }],
                container_title: Some("The Wall Street Journal".into()),
                issued: "2020-11-03".parse().ok(),
                ..SourceMeta::default()
            },
        })
        .unwrap();
    let id = clip(&lib, &source.id, "Beijing halted the listing");
    let out = export(
        &lib,
        vec![id],
        ExportOptions {
            style: Some("apa".into()),
            bibliography: true,
            ..ExportOptions::default()
        },
    );
    assert!(
        !out.text.contains("In The Wall Street Journal"),
        "{}",
        out.text
    );
    assert!(
        out.text.contains(
            "Wei, L. (2020, November 3). Ant's IPO is suspended. The Wall Street Journal."
        ),
        "{}",
        out.text
    );
}

/// Issue 11.6: the Pandoc export named no style, and on standard output named
/// a `references.json` it never wrote.
#[test]
fn a_pandoc_export_names_its_style_and_carries_its_references() {
    let dir = tempfile::tempdir().unwrap();
    let lib = open(&dir.path().join("lib"));
    let source = add_article(&lib);
    let id = clip(&lib, &source.id, "abused its dominant position");
    let options = ExportOptions {
        style: Some("chicago-notes".into()),
        ..ExportOptions::default()
    };
    let out = export(&lib, vec![id.clone()], options.clone());
    assert!(!out.pandoc.contains("references.json"), "{}", out.pandoc);
    assert!(out.pandoc.contains("references:\n- {"), "{}", out.pandoc);
    assert!(
        out.pandoc
            .contains("csl: \"http://www.zotero.org/styles/chicago-notes"),
        "{}",
        out.pandoc
    );
    // Saved to a file, the style and the bibliography go beside the draft.
    let draft = dir.path().join("draft.md");
    let target = ExportTarget::Clips { ids: vec![id] };
    let written = lib
        .save_export(&target, ExportFormat::Pandoc, &options, &draft)
        .unwrap();
    assert_eq!(written.len(), 3, "{written:?}");
    let text = std::fs::read_to_string(&draft).unwrap();
    assert!(text.contains("bibliography: \"draft.json\""), "{text}");
    assert!(text.contains("csl: \"draft.csl\""), "{text}");
    let csl = std::fs::read_to_string(dir.path().join("draft.csl")).unwrap();
    assert!(csl.contains("<style") && csl.contains("note"), "{csl}");
    let back = cite::CitationStyle::from_csl("draft", &csl).expect("the file is a CSL style");
    assert!(back.is_note_style());
}

/// Issue 11.4: paragraphs counted with the byline, and every quote of an
/// excerpts source cited as `para. 1`.
#[test]
fn paragraphs_are_counted_without_the_byline_and_not_for_excerpts() {
    let dir = tempfile::tempdir().unwrap();
    let lib = open(dir.path());
    let source = lib
        .add_source(NewSource {
            text: format!("By Yan Zhang\n\nUpdated 10 April 2021\n\n{ARTICLE}"),
            markdown: false,
            meta: super::news_meta(),
        })
        .unwrap();
    let id = clip(&lib, &source.id, "months-long antitrust investigation");
    let apa = ExportOptions {
        style: Some("apa".into()),
        ..ExportOptions::default()
    };
    let out = export(&lib, vec![id], apa.clone());
    assert!(out.text.contains("para. 2)"), "{}", out.text);

    let report = lib
        .import_clips(
            [
                r#"{"source": {"title": "Highlights of a book"}, "quote": "The first highlight."}"#,
                r#"{"source": {"title": "Highlights of a book"}, "quote": "The second highlight."}"#,
            ]
            .into_iter()
            .enumerate()
            .map(|(i, l)| (i as u64 + 1, serde_json::from_str(l).map_err(|e| e.to_string()))),
            10,
            |_| {},
        )
        .unwrap();
    assert_eq!(report.progress.saved, 2);
    let ids: Vec<_> = lib
        .clips_where(&ClipFilter {
            tag: None,
            ..ClipFilter::default()
        })
        .unwrap()
        .into_iter()
        .filter(|c| c.source.title == "Highlights of a book")
        .map(|c| c.clip.id)
        .collect();
    let out = export(&lib, ids, apa);
    assert!(!out.text.contains("para."), "{}", out.text);
}

/// Issue 11.7: re-importing a source that came from a web page as a text file
/// erased its title, authors, site, date, address and type.
#[test]
fn a_reimport_keeps_the_metadata_the_new_version_does_not_have() {
    let dir = tempfile::tempdir().unwrap();
    let lib = open(&dir.path().join("lib"));
    let page =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/news-article.html");
    let source = lib.import_file(&page).unwrap();
    let before = source.meta.clone();
    assert!(!before.authors.is_empty() && before.issued.is_some());
    let text = dir.path().join("wind.txt");
    std::fs::write(
        &text,
        "Wind notes\n\nWind turbines generated more electricity than coal plants last year.",
    )
    .unwrap();
    lib.reimport_file(&source.id, &text).unwrap();
    let after = lib.source(&source.id).unwrap().source.meta;
    assert_eq!(after.title, before.title, "a first line is no title");
    assert_eq!(after.authors, before.authors);
    assert_eq!(after.container_title, before.container_title);
    assert_eq!(after.issued, before.issued);
    assert_eq!(after.url, before.url);
    assert_eq!(after.canonical_url, before.canonical_url);
}

/// Issue 11.7: the same for a source that came from a reference file.
#[test]
fn a_reimport_keeps_the_metadata_of_a_reference() {
    let dir = tempfile::tempdir().unwrap();
    let lib = open(&dir.path().join("lib"));
    let bib = dir.path().join("one.bib");
    std::fs::write(
        &bib,
        "@report{rodrik2021,\n  title = {Industrial Policy for the Twenty-First Century},\n  author = {Rodrik, Dani},\n  institution = {Peterson Institute},\n  number = {21-5},\n  date = {2021-03},\n  url = {https://www.piie.com/wp21-5}\n}\n",
    )
    .unwrap();
    let report = lib.import_references(&bib).unwrap();
    let id = report.added[0].clone();
    let before = lib.source(&id).unwrap().source.meta;
    let text = dir.path().join("paper.txt");
    std::fs::write(&text, "Introduction\n\nIndustrial policy is back.").unwrap();
    lib.reimport_file(&id, &text).unwrap();
    let after = lib.source(&id).unwrap().source.meta;
    assert_eq!(after.title, before.title);
    assert_eq!(after.authors, before.authors);
    assert_eq!(after.item_type, Some(ItemType::Report));
    assert_eq!(after.number.as_deref(), Some("21-5"));
    assert_eq!(after.url, before.url);
}

/// Issue 11.14: `claim:standard` found nothing for a claim about "standards".
#[test]
fn claims_and_tags_are_matched_by_stem() {
    let dir = tempfile::tempdir().unwrap();
    let lib = open(dir.path());
    let source = add_article(&lib);
    let id = lib
        .create_clip(NewClip {
            source_id: source.id.to_string(),
            quote: Some("abused its dominant position".into()),
            tags: vec!["sanctions".into()],
            ..NewClip::default()
        })
        .unwrap()
        .id;
    let claim = lib
        .create_claim(NewClaim {
            statement: "Regulators apply Western competition standards".into(),
            note: String::new(),
        })
        .unwrap();
    lib.link_clip(&id, &claim.id, Stance::Supports).unwrap();
    for query in [
        "claim:standard",
        "tag:sanction",
        "claim:standards",
        "tag:sanctions",
    ] {
        assert_eq!(super::hit_ids(&lib, query), [id.to_string()], "{query}");
    }
    assert!(super::hit_ids(&lib, "claim:regulation -tag:sanction").is_empty());
}

/// Issue 11.9: every single edit left a segment; 100 clips added one by one
/// left 102 segments.
#[test]
fn single_edits_keep_the_index_to_a_few_segments() {
    let dir = tempfile::tempdir().unwrap();
    let lib = open(dir.path());
    let source = add_article(&lib);
    let mut ids = Vec::new();
    for i in 0..150 {
        let quote = ["Alibaba", "record", "investigation", "uncertainty"][i % 4];
        let id = clip(&lib, &source.id, quote);
        lib.edit_clip(
            &id,
            library::ClipEdit {
                note: Some(format!("note {i}")),
                tags: None,
            },
        )
        .unwrap();
        ids.push(id);
    }
    let health = lib.health().unwrap();
    assert!(health.is_ok(), "{health:?}");
    assert!(health.segments <= 8, "{} segments", health.segments);
    drop(lib);
    // Each reopen and edit is one process's life in the CLI.
    for id in ids.iter().take(20) {
        let lib = open(dir.path());
        lib.delete_clip(id).unwrap();
    }
    let lib = open(dir.path());
    let health = lib.health().unwrap();
    assert!(health.is_ok(), "{health:?}");
    assert!(health.segments <= 8, "{} segments", health.segments);
    assert_eq!(health.clips, 130);
}

/// Issue 11.12: ids by a unique start, clip listings, exports of a tag or a
/// source, deleting a source, a bulk import run twice.
#[test]
fn the_verbs_a_writer_expects() {
    let dir = tempfile::tempdir().unwrap();
    let lib = open(dir.path());
    let source = add_article(&lib);
    let a = lib
        .create_clip(NewClip {
            source_id: source.id.to_string(),
            quote: Some("fined Alibaba".into()),
            tags: vec!["antitrust".into()],
            ..NewClip::default()
        })
        .unwrap();
    let b = clip(&lib, &source.id, "cloud of uncertainty");
    assert_eq!(lib.resolve_id(IdKind::Clip, a.id.as_str()).unwrap(), a.id.0);
    assert_eq!(
        lib.resolve_id(IdKind::Clip, &a.id.as_str()[..a.id.as_str().len() - 1])
            .unwrap(),
        a.id.0
    );
    let err = lib.resolve_id(IdKind::Clip, "zzzz").unwrap_err();
    assert_eq!(err.code(), library::ErrorCode::NotFound);
    let shared =
        a.id.as_str()
            .chars()
            .zip(b.as_str().chars())
            .take_while(|(x, y)| x == y)
            .count();
    if shared >= 4 {
        let err = lib
            .resolve_id(IdKind::Clip, &a.id.as_str()[..shared])
            .unwrap_err();
        assert!(err.to_string().contains("several clips"), "{err}");
    }
    let by_tag = lib
        .clips_where(&ClipFilter {
            tag: Some("ANTITRUST".into()),
            ..ClipFilter::default()
        })
        .unwrap();
    assert_eq!(by_tag.len(), 1);
    let of_source = lib
        .clips_where(&ClipFilter {
            source: Some(source.id.clone()),
            ..ClipFilter::default()
        })
        .unwrap();
    assert_eq!(of_source.len(), 2);
    let out = lib
        .export(
            &ExportTarget::Tag {
                tag: "antitrust".into(),
            },
            &ExportOptions::default(),
        )
        .unwrap();
    assert!(out.markdown.contains("fined Alibaba") && !out.markdown.contains("cloud"));
    let out = lib
        .export(
            &ExportTarget::Source {
                id: source.id.clone(),
            },
            &ExportOptions::default(),
        )
        .unwrap();
    assert!(out.markdown.find("fined Alibaba") < out.markdown.find("cloud of uncertainty"));

    let err = lib.delete_source(&source.id, false).unwrap_err();
    assert!(err.to_string().contains("2 clip(s)"), "{err}");
    assert_eq!(lib.sources().unwrap().len(), 1, "nothing deleted");
    assert_eq!(lib.delete_source(&source.id, true).unwrap(), 2);
    assert!(lib.sources().unwrap().is_empty());
    assert!(super::hit_ids(&lib, "Alibaba").is_empty());
    assert!(lib.search("regulator", 10).unwrap().passages.is_empty());
    assert!(lib.health().unwrap().is_ok());

    let lines =
        || {
            (1..=3u64).map(|i| {
            let line = format!(
                r#"{{"source": {{"title": "Notes", "text": "One. Two. Three."}}, "quote": "{}"}}"#,
                ["One.", "Two.", "Three."][i as usize - 1]
            );
            (i, serde_json::from_str(&line).map_err(|e: serde_json::Error| e.to_string()))
        })
        };
    let first = lib.import_clips(lines().take(2), 10, |_| {}).unwrap();
    assert_eq!(first.progress.saved, 2);
    let again = lib.import_clips(lines(), 10, |_| {}).unwrap();
    assert_eq!((again.progress.saved, again.progress.already_saved), (1, 2));
    assert_eq!(lib.clips_where(&ClipFilter::default()).unwrap().len(), 3);
}
