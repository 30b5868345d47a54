//! The workspace's lists come in pages (issue 13): a page is the slice of the
//! whole list in its order, the total counts what the filter lets through, and
//! a clip's citation preview is the one an export in that style gives.

use super::{add_article, open};
use library::{ExportOptions, ExportTarget, Library, NewClaim, NewClip, NewSource};
use model::{Author, SourceMeta};

fn add(lib: &Library, title: &str, author: &str, site: Option<&str>) -> model::SourceId {
    lib.add_source(NewSource {
        text: format!("Words of {title}."),
        markdown: false,
        meta: SourceMeta {
            title: title.into(),
            authors: vec![Author::Person {
                family: author.into(),
                given: "A.".into(),
            }],
            container_title: site.map(Into::into),
            ..SourceMeta::default()
        },
    })
    .unwrap()
    .id
}

#[test]
fn pages_of_sources_are_slices_of_the_whole_list() {
    let dir = tempfile::tempdir().unwrap();
    let lib = open(dir.path());
    for i in 0..23 {
        add(&lib, &format!("Report {i}"), "Writer", None);
    }
    let whole: Vec<_> = lib.sources().unwrap().into_iter().map(|s| s.id).collect();
    let mut paged = Vec::new();
    let mut offset = 0;
    loop {
        let page = lib.sources_page(offset, 5, "").unwrap();
        assert_eq!(page.total, 23);
        if page.items.is_empty() {
            break;
        }
        offset += page.items.len() as u32;
        paged.extend(page.items.into_iter().map(|s| s.id));
    }
    assert_eq!(paged, whole, "pages in the list's order, none twice");
    assert_eq!(
        lib.sources_page(0, 1, "").unwrap().items[0].title,
        "Report 22",
        "newest first"
    );
}

#[test]
fn the_sources_filter_reads_titles_authors_and_sites_without_case() {
    let dir = tempfile::tempdir().unwrap();
    let lib = open(dir.path());
    let a = add(&lib, "Énergie et climat", "Dupont", None);
    let b = add(&lib, "Water", "Émile", None);
    let c = add(&lib, "Other", "Smith", Some("The ÉCONOMIST"));
    add(&lib, "Unrelated", "Jones", None);
    let ids = |filter: &str| -> Vec<_> {
        lib.sources_page(0, 50, filter)
            .unwrap()
            .items
            .into_iter()
            .map(|s| s.id)
            .collect()
    };
    assert_eq!(
        ids("énergie"),
        vec![a.clone()],
        "title, Unicode case folded"
    );
    assert_eq!(ids("ÉMILE"), vec![b], "author");
    assert_eq!(ids("économist"), vec![c.clone()], "site");
    assert_eq!(
        ids("  énergie "),
        vec![a.clone()],
        "surrounding spaces ignored"
    );
    assert_eq!(ids("dupont climat"), vec![a], "every word, in any field");
    assert!(ids("dupont water").is_empty(), "a word no field holds");
    assert!(ids("nothing like it").is_empty());
    let page = lib.sources_page(1, 1, "e").unwrap();
    assert_eq!(page.total, 4, "every source holds an e");
    assert_eq!(page.items.len(), 1);
}

#[test]
fn claims_come_alphabetically_in_pages_and_filter_on_their_statement() {
    let dir = tempfile::tempdir().unwrap();
    let lib = open(dir.path());
    for statement in ["beta claim", "Alpha claim", "gamma", "Delta claim"] {
        lib.create_claim(NewClaim {
            statement: statement.into(),
            note: String::new(),
        })
        .unwrap();
    }
    let statements = |offset, limit, filter| -> Vec<String> {
        lib.claims_page(offset, limit, filter)
            .unwrap()
            .items
            .into_iter()
            .map(|c| c.claim.statement)
            .collect()
    };
    assert_eq!(statements(0, 2, ""), ["Alpha claim", "beta claim"]);
    assert_eq!(statements(2, 2, ""), ["Delta claim", "gamma"]);
    assert_eq!(
        statements(0, 10, "CLAIM"),
        ["Alpha claim", "beta claim", "Delta claim"]
    );
    assert_eq!(lib.claims_page(0, 1, "claim").unwrap().total, 3);
}

#[test]
fn the_overview_counts_and_the_top_tags_are_limited() {
    let dir = tempfile::tempdir().unwrap();
    let lib = open(dir.path());
    let source = add_article(&lib);
    for (quote, tags) in [
        ("record 18.2 billion yuan", vec!["fines", "china"]),
        ("antitrust investigation", vec!["fines"]),
    ] {
        lib.create_clip(NewClip {
            source_id: source.id.to_string(),
            quote: Some(quote.into()),
            tags: tags.into_iter().map(Into::into).collect(),
            ..NewClip::default()
        })
        .unwrap();
    }
    let overview = lib.overview().unwrap();
    assert_eq!(
        (
            overview.sources,
            overview.clips,
            overview.claims,
            overview.tags
        ),
        (1, 2, 0, 2)
    );
    assert_eq!(overview.path, dir.path().display().to_string());
    let top = lib.top_tags(1).unwrap();
    assert_eq!(top.len(), 1);
    assert_eq!((top[0].name.as_str(), top[0].count), ("fines", 2));
}

#[test]
fn a_clips_citation_preview_is_the_one_its_export_gives() {
    let dir = tempfile::tempdir().unwrap();
    let lib = open(dir.path());
    let source = add_article(&lib);
    let clip = lib
        .create_clip(NewClip {
            source_id: source.id.to_string(),
            quote: Some("antitrust investigation".into()),
            ..NewClip::default()
        })
        .unwrap();
    let plain = lib.clip_citation(&clip.id, None).unwrap();
    assert_eq!(plain.style, None);
    assert_eq!(plain.citation, lib.clip(&clip.id).unwrap().citation);
    assert_eq!(plain.reference, None);

    let apa = lib.clip_citation(&clip.id, Some("apa")).unwrap();
    assert_eq!(apa.style.as_deref(), Some("apa"));
    assert_eq!(apa.citation, "(Zhang, 2021, para. 2)");
    let reference = apa.reference.clone().unwrap();
    assert!(
        reference.starts_with("Zhang, Y. (2021, April 10)."),
        "{reference}"
    );
    assert!(!apa.note);
    let export = lib
        .export(
            &ExportTarget::Clips {
                ids: vec![clip.id.clone()],
            },
            &ExportOptions {
                style: Some("apa".into()),
                bibliography: true,
                ..ExportOptions::default()
            },
        )
        .unwrap();
    assert!(export.text.contains(&apa.citation), "{}", export.text);
    assert!(export.text.contains(&reference), "{}", export.text);

    let notes = lib.clip_citation(&clip.id, Some("chicago-notes")).unwrap();
    assert!(notes.note, "Chicago notes cite in a note");
    assert!(notes.citation.contains("Zhang"), "{}", notes.citation);

    let unknown = lib
        .clip_citation(&clip.id, Some("no-such-style"))
        .unwrap_err();
    assert!(unknown.to_string().contains("no-such-style"), "{unknown}");
}
