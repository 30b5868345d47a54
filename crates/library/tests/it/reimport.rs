//! Re-importing a newer version of a source keeps every clip: exact, approximate
//! or orphaned, never dropped; keeps the old text; keeps the writer's own edits.

use crate::open;
use library::NewClip;
use model::SourceMeta;

const V1: &str = "The regulator fined Alibaba a record 18.2 billion yuan on Saturday.\n\nAnalysts said the fine removes a cloud of uncertainty over the company.\n\nShares rose five percent in Hong Kong trading on Monday morning.";
const V2: &str = "Update: The regulator fined Alibaba a record 18.3 billion yuan on Saturday, its largest penalty.\n\nAnalysts said the fine removes a cloud of uncertainty over the company.\n\nThe company said it accepted the decision.";

#[test]
fn a_newer_version_reanchors_every_clip_and_keeps_the_old_text() {
    let dir = tempfile::tempdir().unwrap();
    let lib = open(dir.path());
    let file = dir.path().join("story.txt");
    std::fs::write(&file, V1).unwrap();
    let source = lib.import_file(&file).unwrap();
    let clip = |lib: &library::Library, q: &str| {
        lib.create_clip(NewClip {
            source_id: source.id.0.clone(),
            quote: Some(q.into()),
            ..NewClip::default()
        })
        .unwrap()
    };
    let same = clip(&lib, "removes a cloud of uncertainty");
    let edited = clip(&lib, "fined Alibaba a record 18.2 billion yuan");
    let gone = clip(&lib, "Shares rose five percent in Hong Kong");

    std::fs::write(&file, V2).unwrap();
    let report = lib.reimport_file(&source.id, &file).unwrap();
    assert_eq!((report.exact, report.approximate), (1, 1));
    assert_eq!(report.orphaned, vec![gone.id.clone()]);
    assert_eq!(report.archived_version, 1);

    let view = lib.source(&source.id).unwrap();
    assert_eq!(view.clips.len(), 3, "no clip is dropped");
    let get = |id: &model::ClipId| view.clips.iter().find(|c| &c.id == id).unwrap().clone();
    let text = model::SourceText::new(&view.source.blocks);
    let at = |c: &model::Clip| {
        text.slice(c.position.start as usize, c.position.end as usize)
            .unwrap()
            .to_owned()
    };
    assert_eq!(at(&get(&same.id)), "removes a cloud of uncertainty");
    assert_eq!(
        get(&edited.id).quote.exact,
        "fined Alibaba a record 18.3 billion yuan"
    );
    assert_eq!(at(&get(&edited.id)), get(&edited.id).quote.exact);
    let orphan = get(&gone.id);
    assert!(orphan.orphaned);
    assert_eq!(
        orphan.quote.exact, "Shares rose five percent in Hong Kong",
        "an orphan keeps its quote"
    );
    assert_eq!(
        view.orphaned,
        vec![gone.id.clone()],
        "the reader lists it apart"
    );

    let versions = lib.source_versions(&source.id).unwrap();
    assert_eq!(versions.len(), 1);
    assert!(
        versions[0].text.contains("18.2 billion"),
        "the old text stays available"
    );
    assert!(
        !lib.search("\"18.3 billion\"", 5).unwrap().hits.is_empty(),
        "the index follows"
    );
    assert!(lib.health().unwrap().is_ok());
}

#[test]
fn a_field_the_writer_edited_survives_a_reimport_and_others_follow_the_page() {
    let dir = tempfile::tempdir().unwrap();
    let lib = open(dir.path());
    let page = |title: &str, site: &str| {
        format!(
            "<html><head><title>{title}</title><meta property=\"og:title\" content=\"{title}\">\
             <meta property=\"og:site_name\" content=\"{site}\"></head><body><article>\
             <p>Wind turbines generated more electricity than coal plants last year, a first for the grid.</p>\
             <p>Offshore farms reached full output as three coal stations closed down for good.</p></article></body></html>"
        )
    };
    let file = dir.path().join("page.html");
    std::fs::write(&file, page("Wind beats coal", "Ledger")).unwrap();
    let source = lib.import_file(&file).unwrap();
    assert_eq!(source.origins["title"], "readability");
    let edited = lib
        .edit_source(
            &source.id,
            SourceMeta {
                title: "Wind overtakes coal (corrected)".into(),
                ..source.meta.clone()
            },
        )
        .unwrap();
    assert_eq!(edited.origins["title"], "user");
    assert_eq!(
        edited.origins["containerTitle"], "opengraph",
        "unchanged fields keep their origin"
    );

    std::fs::write(&file, page("Wind beats coal, again", "The Ledger")).unwrap();
    let report = lib.reimport_file(&source.id, &file).unwrap();
    assert_eq!(
        report.source.meta.title, "Wind overtakes coal (corrected)",
        "the writer's edit stands"
    );
    assert_eq!(
        report.source.meta.container_title.as_deref(),
        Some("The Ledger"),
        "the rest follows the page"
    );
    assert_eq!(lib.source_versions(&source.id).unwrap().len(), 1);
}
