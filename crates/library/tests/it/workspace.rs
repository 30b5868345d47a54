//! Use-cases behind the app's workspace: claim pages, merging, tags, undo,
//! importing files, exports for the clipboard, passage search and facets.

use crate::{add_article, hit_ids, open};
use library::{ExportTarget, NewClaim, NewClip};
use model::Stance;

fn clip(lib: &library::Library, source: &str, quote: &str, tags: &[&str]) -> model::Clip {
    lib.create_clip(NewClip {
        source_id: source.into(),
        quote: Some(quote.into()),
        tags: tags.iter().map(|t| t.to_string()).collect(),
        ..NewClip::default()
    })
    .unwrap()
}

fn claim(lib: &library::Library, statement: &str) -> model::Claim {
    lib.create_claim(NewClaim {
        statement: statement.into(),
        note: String::new(),
    })
    .unwrap()
}

#[test]
fn a_claim_page_groups_evidence_by_stance_and_exports_as_a_dossier() {
    let dir = tempfile::tempdir().unwrap();
    let lib = open(dir.path());
    let source = add_article(&lib);
    let a = clip(&lib, &source.id.0, "fined Alibaba a record", &[]);
    let b = clip(&lib, &source.id.0, "removes a cloud of uncertainty", &[]);
    let c = clip(
        &lib,
        &source.id.0,
        "months-long antitrust investigation",
        &[],
    );
    let push = claim(&lib, "Regulators are getting tougher");
    lib.link_clip(&b.id, &push.id, Stance::Contradicts).unwrap();
    lib.link_clip(&a.id, &push.id, Stance::Supports).unwrap();
    lib.link_clip(&c.id, &push.id, Stance::Context).unwrap();

    let view = lib.claim_view(&push.id).unwrap();
    let order: Vec<(Stance, &str)> = view
        .evidence
        .iter()
        .map(|e| (e.stance, e.clip.quote.exact.as_str()))
        .collect();
    assert_eq!(
        order,
        vec![
            (Stance::Supports, "fined Alibaba a record"),
            (Stance::Contradicts, "removes a cloud of uncertainty"),
            (Stance::Context, "months-long antitrust investigation"),
        ]
    );
    let dossier = lib
        .export(
            &ExportTarget::Claim {
                id: push.id.clone(),
            },
            &Default::default(),
        )
        .unwrap();
    let supports = dossier.markdown.find("## Supports").unwrap();
    let contradicts = dossier.markdown.find("## Contradicts").unwrap();
    assert!(dossier
        .markdown
        .starts_with("# Regulators are getting tougher\n"));
    assert!(supports < contradicts);
    assert!(dossier.markdown[supports..contradicts].contains("> fined Alibaba a record"));
    assert!(dossier.html.contains(
        "<h2>Contradicts</h2>\n<blockquote><p>removes a cloud of uncertainty</p></blockquote>"
    ));
    assert!(dossier
        .text
        .contains("SUPPORTS\n\n“fined Alibaba a record”\n— Yan Zhang"));
}

#[test]
fn merging_claims_moves_the_evidence_and_deleting_keeps_the_clips() {
    let dir = tempfile::tempdir().unwrap();
    let lib = open(dir.path());
    let source = add_article(&lib);
    let a = clip(&lib, &source.id.0, "fined Alibaba a record", &[]);
    let b = clip(&lib, &source.id.0, "removes a cloud of uncertainty", &[]);
    let keep = claim(&lib, "Beijing is tough on tech");
    let dup = claim(&lib, "China cracks down on tech");
    lib.link_clip(&a.id, &keep.id, Stance::Supports).unwrap();
    lib.link_clip(&a.id, &dup.id, Stance::Context).unwrap();
    lib.link_clip(&b.id, &dup.id, Stance::Contradicts).unwrap();
    let merged = lib.merge_claims(&dup.id, &keep.id).unwrap();
    assert_eq!(
        (merged.supports, merged.contradicts, merged.context),
        (1, 1, 0)
    );
    assert_eq!(lib.claims().unwrap().len(), 1);
    assert_eq!(
        hit_ids(&lib, "claim:cracks").len(),
        0,
        "the merged claim is gone from search"
    );
    assert_eq!(hit_ids(&lib, "claim:beijing").len(), 2);
    assert!(lib.merge_claims(&keep.id, &keep.id).is_err());

    lib.delete_claim(&keep.id).unwrap();
    assert!(lib.claims().unwrap().is_empty());
    assert_eq!(
        lib.source(&source.id).unwrap().clips.len(),
        2,
        "clips outlive their claims"
    );
    assert_eq!(hit_ids(&lib, "claim:beijing").len(), 0);
}

#[test]
fn tags_are_counted_and_a_deleted_clip_can_be_restored() {
    let dir = tempfile::tempdir().unwrap();
    let lib = open(dir.path());
    let source = add_article(&lib);
    let a = clip(
        &lib,
        &source.id.0,
        "fined Alibaba a record",
        &["china", "fines"],
    );
    clip(
        &lib,
        &source.id.0,
        "removes a cloud of uncertainty",
        &["china"],
    );
    let tags: Vec<(String, u32)> = lib
        .tags()
        .unwrap()
        .into_iter()
        .map(|t| (t.name, t.count))
        .collect();
    assert_eq!(tags, vec![("china".into(), 2), ("fines".into(), 1)]);

    let c = claim(&lib, "Fines are rising");
    lib.link_clip(&a.id, &c.id, Stance::Supports).unwrap();
    let before = lib.clip(&a.id).unwrap().clip;
    lib.delete_clip(&a.id).unwrap();
    assert!(hit_ids(&lib, "fined").is_empty());
    let restored = lib.restore_clip(before.clone()).unwrap();
    assert_eq!(restored.id, before.id);
    assert_eq!(restored.tags, before.tags);
    assert_eq!(
        restored.claims, before.claims,
        "the link to the claim comes back"
    );
    assert_eq!(hit_ids(&lib, "fined"), vec![a.id.0.clone()]);
}

#[test]
fn a_text_or_markdown_file_imports_with_a_title_and_other_files_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let lib = open(dir.path());
    let md = dir.path().join("outlook.md");
    std::fs::write(&md, "Intro line\n\n# Energy Outlook 2030\n\nDemand peaks.").unwrap();
    let source = lib.import_file(&md).unwrap();
    assert_eq!(source.meta.title, "Energy Outlook 2030");
    assert_eq!(source.kind, model::SourceKind::Markdown);
    let txt = dir.path().join("notes from the field.txt");
    std::fs::write(&txt, "A".repeat(200)).unwrap();
    assert_eq!(
        lib.import_file(&txt).unwrap().meta.title,
        "notes from the field"
    );

    let docx = dir.path().join("report.docx");
    std::fs::write(&docx, b"PK\x03\x04").unwrap();
    let err = lib.import_file(&docx).unwrap_err();
    assert!(
        err.to_string()
            .contains(".docx files are not supported yet"),
        "{err}"
    );
    let binary = dir.path().join("image.txt");
    std::fs::write(&binary, b"GIF89a\0\0\x01").unwrap();
    assert!(lib
        .import_file(&binary)
        .unwrap_err()
        .to_string()
        .contains("binary data"));
    let empty = dir.path().join("empty.md");
    std::fs::write(&empty, "  \n").unwrap();
    assert!(lib
        .import_file(&empty)
        .unwrap_err()
        .to_string()
        .contains("empty"));
    assert_eq!(
        lib.sources().unwrap().len(),
        2,
        "refused files leave nothing behind"
    );
}

#[test]
fn search_finds_source_passages_with_offsets_and_counts_facets() {
    let dir = tempfile::tempdir().unwrap();
    let lib = open(dir.path());
    let source = add_article(&lib);
    let a = clip(
        &lib,
        &source.id.0,
        "fined Alibaba a record",
        &["china", "fines"],
    );
    clip(&lib, &source.id.0, "Analysts said the fine", &["china"]);
    let c = claim(&lib, "Fines are rising");
    lib.link_clip(&a.id, &c.id, Stance::Supports).unwrap();

    // "penalty" is in the source text but in no clip.
    let results = lib.search("penalty", 10).unwrap();
    assert_eq!(results.total, 0);
    assert_eq!(results.passage_total, 1);
    let passage = &results.passages[0];
    let text = model::SourceText::new(&source.blocks);
    assert_eq!(
        text.slice(passage.match_start as usize, passage.match_end as usize),
        Some("penalty"),
        "the hit knows where the match is, to open the reader there"
    );
    assert_eq!(
        text.slice(passage.start as usize, passage.start as usize + 11),
        Some("The penalty")
    );

    let results = lib.search("china", 10).unwrap();
    let tags: Vec<(&str, u32)> = results
        .facets
        .tags
        .iter()
        .map(|f| (f.value.as_str(), f.count))
        .collect();
    assert!(
        tags.contains(&("china", 2)) && tags.contains(&("fines", 1)),
        "{tags:?}"
    );
    let stances: Vec<(&str, u32)> = results
        .facets
        .stances
        .iter()
        .map(|f| (f.value.as_str(), f.count))
        .collect();
    assert_eq!(stances, vec![("supports", 1)]);
    assert_eq!(results.facets.authors[0].value, "Yan Zhang");
    assert_eq!(hit_ids(&lib, "china stance:supports"), vec![a.id.0.clone()]);
    assert_eq!(
        lib.search("source:alibaba penalty", 5)
            .unwrap()
            .passage_total,
        1,
        "source: filters passages too"
    );
    assert_eq!(
        lib.search("alibaba", 5).unwrap().passage_total,
        1,
        "a title word does not match every passage of the source"
    );
}

/// Search as you type sends the word being typed as a prefix (`investig*`):
/// the snippets mark the words it starts, and a passage hit says where the
/// first of them is, so the reader can open there.
#[test]
fn a_prefix_marks_the_words_it_starts_in_snippets_and_passages() {
    let dir = tempfile::tempdir().unwrap();
    let lib = open(dir.path());
    let source = add_article(&lib);
    clip(
        &lib,
        source.id.as_str(),
        "a months-long antitrust investigation",
        &[],
    );
    let found = lib.search("investig*", 10).unwrap();
    let marked: Vec<&str> = found.hits[0]
        .snippet
        .iter()
        .filter(|p| p.matched)
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(marked, ["investigation"]);
    // "uncertainty" is in no clip: the passage is found and the match located.
    let text = model::SourceText::new(&source.blocks);
    let found = lib.search("uncertain*", 10).unwrap();
    let passage = &found.passages[0];
    let at = text.as_str().find("uncertainty").unwrap();
    let start = text.as_str()[..at].chars().count() as u32;
    assert_eq!(
        (passage.match_start, passage.match_end),
        (start, start + 11)
    );
}
