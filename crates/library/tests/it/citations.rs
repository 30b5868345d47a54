//! Citations through the real library: styles, keys, Pandoc files, templates and
//! reference files, against a real SQLite file and index.

use super::{add_article, open};
use library::{ExportFormat, ExportOptions, ExportTarget, NewClip, RefFormat};
use model::{ItemType, SourceId};

fn clip(lib: &library::Library, source: &SourceId, quote: &str) -> model::ClipId {
    lib.create_clip(NewClip {
        source_id: source.to_string(),
        quote: Some(quote.into()),
        note: "check the yuan figure".into(),
        tags: vec!["antitrust".into()],
        ..NewClip::default()
    })
    .unwrap()
    .id
}

fn cite_fixture(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../cite/tests/fixtures")
        .join(name)
}

#[test]
fn an_export_in_apa_cites_the_paragraph_and_lists_the_reference() {
    let dir = tempfile::tempdir().unwrap();
    let lib = open(dir.path());
    let source = add_article(&lib);
    let mut meta = source.meta.clone();
    meta.item_type = Some(ItemType::ArticleNewspaper);
    lib.edit_source(&source.id, meta).unwrap();
    let id = clip(&lib, &source.id, "months-long antitrust investigation");
    let options = ExportOptions {
        style: Some("apa".into()),
        bibliography: true,
        ..ExportOptions::default()
    };
    let target = ExportTarget::Clips { ids: vec![id] };
    let export = lib.export(&target, &options).unwrap();
    // The quote is in the second paragraph of the article.
    assert!(
        export.markdown.contains("(Zhang, 2021, para. 2)"),
        "{}",
        export.markdown
    );
    assert!(
        export.markdown.contains("## References"),
        "{}",
        export.markdown
    );
    assert!(
        export.text.contains(
            "Zhang, Y. (2021, April 10). China fines Alibaba record $2.8 bln in anti-monopoly probe. Reuters. https://www.reuters.com/article/alibaba-fine"
        ),
        "{}",
        export.text
    );
    assert!(export.html.contains("<i>Reuters</i>"), "{}", export.html);
    // The source got a key, kept in the database, and Pandoc cites by it.
    let key = lib
        .source(&source.id)
        .unwrap()
        .source
        .meta
        .citation_key
        .unwrap();
    assert_eq!(key, "zhang2021China");
    assert!(
        export.pandoc.contains("[@zhang2021China, para. 2]"),
        "{}",
        export.pandoc
    );
    assert!(export.bibliography.contains("\"id\": \"zhang2021China\""));
    // The same key on the next export, after a reopen.
    drop(lib);
    let lib = open(dir.path());
    let again = lib.export(&target, &options).unwrap();
    assert!(again.pandoc.contains("[@zhang2021China, para. 2]"));
}

#[test]
fn a_notes_style_puts_citations_in_numbered_notes() {
    let dir = tempfile::tempdir().unwrap();
    let lib = open(dir.path());
    let source = add_article(&lib);
    let a = clip(&lib, &source.id, "fined Alibaba a record");
    let b = clip(&lib, &source.id, "removes a cloud of uncertainty");
    let export = lib
        .export(
            &ExportTarget::Clips { ids: vec![a, b] },
            &ExportOptions {
                style: Some("chicago-notes".into()),
                bibliography: true,
                ..ExportOptions::default()
            },
        )
        .unwrap();
    assert!(export.markdown.contains("[^1]") && export.markdown.contains("[^2]"));
    assert!(
        export
            .markdown
            .contains("[^1]: Yan Zhang, “China Fines Alibaba Record"),
        "{}",
        export.markdown
    );
    assert!(
        export.markdown.contains("## Bibliography"),
        "{}",
        export.markdown
    );
    assert!(
        export.html.contains("<li id=\"note-2\">"),
        "{}",
        export.html
    );
}

#[test]
fn a_pandoc_export_writes_the_draft_and_its_bibliography_side_by_side() {
    let dir = tempfile::tempdir().unwrap();
    let out = tempfile::tempdir().unwrap();
    let lib = open(dir.path());
    let source = add_article(&lib);
    let id = clip(&lib, &source.id, "fined Alibaba a record");
    let written = lib
        .save_export(
            &ExportTarget::Clips { ids: vec![id] },
            ExportFormat::Pandoc,
            &ExportOptions::default(),
            &out.path().join("draft.md"),
        )
        .unwrap();
    assert_eq!(
        written,
        [out.path().join("draft.md"), out.path().join("draft.json")]
    );
    let md = std::fs::read_to_string(out.path().join("draft.md")).unwrap();
    assert!(
        md.starts_with("---\nbibliography: \"draft.json\"\n---\n"),
        "{md}"
    );
    // Pandoc's own style (Chicago author-date) counts no paragraphs: the key
    // alone.
    assert!(
        md.contains("> fined Alibaba a record [@zhang2021China]"),
        "{md}"
    );
    let bib: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(out.path().join("draft.json")).unwrap())
            .unwrap();
    assert_eq!(bib[0]["id"], "zhang2021China");
    assert_eq!(bib[0]["container-title"], "Reuters");
    // Nothing else was written in the folder (no leftover temporary files).
    assert_eq!(std::fs::read_dir(out.path()).unwrap().count(), 2);
}

#[test]
fn a_template_gives_the_house_style_and_a_broken_one_says_where() {
    let dir = tempfile::tempdir().unwrap();
    let lib = open(dir.path());
    let source = add_article(&lib);
    let id = clip(&lib, &source.id, "fined Alibaba a record");
    let target = ExportTarget::Clips { ids: vec![id] };
    let export = lib
        .export(
            &target,
            &ExportOptions {
                style: Some("mla".into()),
                template: Some(
                    "> {{ quote }}\n— *{{ source.container }}*, {{ source.date }} {{ citation }} #{{ tags | join(\", #\") }}"
                        .into(),
                ),
                ..ExportOptions::default()
            },
        )
        .unwrap();
    assert_eq!(
        export.markdown,
        // MLA 9 gives no locator for unnumbered paragraphs (6.20).
        "> fined Alibaba a record\n— *Reuters*, 10 April 2021 (Zhang) #antitrust\n"
    );
    let err = lib
        .export(
            &target,
            &ExportOptions {
                template: Some("line one\n{{ quote \n".into()),
                ..ExportOptions::default()
            },
        )
        .unwrap_err();
    assert!(err.to_string().contains("template"), "{err}");
    assert!(err.to_string().contains("line"), "{err}");
    let err = lib
        .export(
            &target,
            &ExportOptions {
                style: Some("apa-8".into()),
                ..ExportOptions::default()
            },
        )
        .unwrap_err();
    assert!(err.to_string().contains("`apa-8`"), "{err}");
}

#[test]
fn a_users_csl_file_becomes_a_style_and_a_broken_one_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    let lib = open(dir.path());
    let dependent = files.path().join("Journal of Media Studies.csl");
    std::fs::write(
        &dependent,
        r#"<?xml version="1.0" encoding="utf-8"?>
<style xmlns="http://purl.org/net/xbiblio/csl" version="1.0" default-locale="en-GB">
  <info>
    <title>Journal of Media Studies</title>
    <id>http://www.zotero.org/styles/journal-of-media-studies</id>
    <link href="http://www.zotero.org/styles/apa" rel="independent-parent"/>
    <updated>2024-01-01T00:00:00+00:00</updated>
  </info>
</style>"#,
    )
    .unwrap();
    let info = lib.add_style(&dependent).unwrap();
    assert_eq!(info.id, "journal-of-media-studies");
    assert!(lib
        .styles()
        .unwrap()
        .iter()
        .any(|s| s.custom && s.title == "Journal of Media Studies"));
    let source = add_article(&lib);
    let id = clip(&lib, &source.id, "fined Alibaba a record");
    let export = lib
        .export(
            &ExportTarget::Clips { ids: vec![id] },
            &ExportOptions {
                style: Some("journal-of-media-studies".into()),
                ..ExportOptions::default()
            },
        )
        .unwrap();
    assert!(
        export.text.contains("(Zhang, 2021, para. 1)"),
        "{}",
        export.text
    );
    let broken = files.path().join("broken.csl");
    std::fs::write(&broken, "<style><info><title>x</title></info>").unwrap();
    let err = lib.add_style(&broken).unwrap_err();
    assert!(err.to_string().contains("broken.csl"), "{err}");
    assert!(err.to_string().contains("not a usable CSL style"), "{err}");
    assert!(!dir.path().join("styles/broken.csl").exists());
}

#[test]
fn reference_files_come_in_and_go_out_without_loss() {
    let dir = tempfile::tempdir().unwrap();
    let lib = open(dir.path());
    let report = lib
        .import_references(&cite_fixture("better-bibtex.bib"))
        .unwrap();
    assert_eq!(report.added.len(), 5, "{report:?}");
    // The same file again adds nothing.
    let again = lib
        .import_references(&cite_fixture("better-bibtex.bib"))
        .unwrap();
    assert!(again.added.is_empty());
    assert_eq!(again.already_there.len(), 5);
    let report = lib.import_references(&cite_fixture("zotero.json")).unwrap();
    // Zhang's article is there already (same address); two are new.
    assert_eq!(report.added.len(), 2, "{report:?}");
    assert_eq!(report.already_there.len(), 1);
    let ris = lib.import_references(&cite_fixture("endnote.ris")).unwrap();
    assert_eq!(ris.added.len(), 0, "{ris:?}");

    // Out as BibLaTeX and CSL-JSON, into a second library, and the metadata
    // is the same source for source.
    let files = tempfile::tempdir().unwrap();
    for format in [
        RefFormat::BibLatex,
        RefFormat::CslJson,
        RefFormat::Ris,
        RefFormat::BibTex,
    ] {
        let path = files
            .path()
            .join(format!("all-{format:?}.{}", format.extension()));
        lib.save_references(format, &[], &path).unwrap();
        let other_dir = tempfile::tempdir().unwrap();
        let other = open(other_dir.path());
        let report = other.import_references(&path).unwrap();
        assert_eq!(report.added.len(), 7, "{format:?}: {report:?}");
        let metas = |l: &library::Library| {
            let mut v: Vec<model::SourceMeta> = l
                .sources()
                .unwrap()
                .iter()
                .map(|s| l.source(&s.id).unwrap().source.meta)
                .collect();
            v.sort_by(|a, b| a.title.cmp(&b.title));
            v
        };
        assert_eq!(metas(&lib), metas(&other), "{format:?}");
    }
    let err = lib
        .import_references(&cite_fixture("../golden.rs"))
        .unwrap_err();
    assert!(err.to_string().contains("not a BibTeX"), "{err}");
}
