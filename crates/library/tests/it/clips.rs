use crate::{add_article, hit_ids, open, ARTICLE};
use library::{ClipEdit, ErrorCode, NewClip};
use model::ClipId;

fn clip_quote(lib: &library::Library, source: &str, quote: &str) -> model::Clip {
    lib.create_clip(NewClip {
        source_id: source.into(),
        quote: Some(quote.into()),
        ..NewClip::default()
    })
    .expect("the quote is in the source")
}

#[test]
fn a_clip_by_quote_carries_w3c_selectors_and_is_found_by_a_word_of_it() {
    let dir = tempfile::tempdir().unwrap();
    let lib = open(dir.path());
    let source = add_article(&lib);
    let clip = clip_quote(&lib, &source.id.0, "abused its dominant position");
    assert_eq!(clip.quote.exact, "abused its dominant position");
    assert_eq!(
        clip.quote.prefix, "iant, which regulators said had ",
        "32 characters"
    );
    assert_eq!(clip.quote.suffix, ".\n\nAnalysts said the fine remove");
    let start = ARTICLE.find("abused").unwrap() as u32;
    assert_eq!(
        (clip.position.start, clip.position.end),
        (start, start + 28)
    );

    let results = lib.search("dominant", 10).unwrap();
    assert_eq!(results.total, 1);
    let hit = &results.hits[0];
    assert_eq!(hit.clip_id, clip.id);
    assert_eq!(hit.source_title, source.meta.title);
    let marked: Vec<&str> = hit
        .snippet
        .iter()
        .filter(|p| p.matched)
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(marked, vec!["dominant"], "the matched word is highlighted");
    let whole: String = hit.snippet.iter().map(|p| p.text.as_str()).collect();
    assert_eq!(whole, "abused its dominant position");
}

#[test]
fn a_clip_by_offsets_is_the_text_between_them() {
    let dir = tempfile::tempdir().unwrap();
    let lib = open(dir.path());
    let source = add_article(&lib);
    let clip = lib
        .create_clip(NewClip {
            source_id: source.id.0.clone(),
            start: Some(0),
            end: Some(24),
            note: "  who fined  ".into(),
            tags: vec![
                "antitrust".into(),
                " Antitrust ".into(),
                "china".into(),
                "".into(),
            ],
            ..NewClip::default()
        })
        .unwrap();
    assert_eq!(clip.quote.exact, "China's market regulator");
    assert_eq!(clip.note, "who fined");
    assert_eq!(
        clip.tags,
        vec!["antitrust", "china"],
        "tags are trimmed and deduplicated"
    );
    assert_eq!(
        hit_ids(&lib, "tag:china"),
        vec![clip.id.0.clone()],
        "tags are searchable"
    );
    assert_eq!(
        hit_ids(&lib, "fined"),
        vec![clip.id.0],
        "notes are searchable"
    );
}

#[test]
fn a_quote_that_is_not_in_the_source_is_an_error_that_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let lib = open(dir.path());
    let source = add_article(&lib);
    let err = lib
        .create_clip(NewClip {
            source_id: source.id.0.clone(),
            quote: Some("Alibaba was cleared of all charges".into()),
            ..NewClip::default()
        })
        .unwrap_err();
    assert_eq!(err.code(), ErrorCode::InvalidInput);
    assert!(
        err.to_string()
            .contains("the quote was not found in “China fines Alibaba"),
        "{err}"
    );
    let err = lib
        .create_clip(NewClip {
            source_id: source.id.0.clone(),
            start: Some(10),
            end: Some(100_000),
            ..NewClip::default()
        })
        .unwrap_err();
    assert!(err.to_string().contains("do not select text"), "{err}");
    assert_eq!(
        lib.source(&source.id).unwrap().clips.len(),
        0,
        "nothing was saved"
    );
}

#[test]
fn editing_a_note_and_tags_is_saved_and_searchable_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let lib = open(dir.path());
    let source = add_article(&lib);
    let clip = clip_quote(&lib, &source.id.0, "a record 18.2 billion yuan");
    let edited = lib
        .edit_clip(
            &clip.id,
            ClipEdit {
                note: Some("largest antitrust penalty in China".into()),
                tags: Some(vec!["fines".into()]),
            },
        )
        .unwrap();
    assert_eq!(edited.note, "largest antitrust penalty in China");
    assert_eq!(edited.tags, vec!["fines"]);
    assert!(edited.updated_at > clip.updated_at);
    assert_eq!(hit_ids(&lib, "penalty largest"), vec![clip.id.0.clone()]);
    let missing = lib.edit_clip(&ClipId::from("nope"), ClipEdit::default());
    assert_eq!(missing.unwrap_err().code(), ErrorCode::NotFound);
}

#[test]
fn a_deleted_clip_is_gone_from_the_source_and_from_search() {
    let dir = tempfile::tempdir().unwrap();
    let lib = open(dir.path());
    let source = add_article(&lib);
    let keep = clip_quote(&lib, &source.id.0, "Analysts said the fine");
    let gone = clip_quote(&lib, &source.id.0, "the fine removes a cloud");
    assert_eq!(hit_ids(&lib, "fine").len(), 2);
    lib.delete_clip(&gone.id).unwrap();
    assert_eq!(hit_ids(&lib, "fine"), vec![keep.id.0.clone()]);
    let view = lib.source(&source.id).unwrap();
    assert_eq!(view.clips.len(), 1);
    assert_eq!(
        lib.delete_clip(&gone.id).unwrap_err().code(),
        ErrorCode::NotFound
    );
    assert!(lib.health().unwrap().is_ok());
}

#[test]
fn markdown_sources_keep_their_structure_and_clips_find_their_page_free_text() {
    let dir = tempfile::tempdir().unwrap();
    let lib = open(dir.path());
    let source = lib
        .add_source(library::NewSource {
            text:
                "# Outlook\n\n> Demand for oil peaks\n> before 2030.\n\n- solar grows\n- coal falls"
                    .into(),
            markdown: true,
            meta: model::SourceMeta {
                title: "World Energy Outlook".into(),
                ..Default::default()
            },
        })
        .unwrap();
    let kinds: Vec<&str> = source.blocks.iter().map(|b| b.kind.as_str()).collect();
    assert_eq!(kinds, vec!["heading", "quote", "listItem", "listItem"]);
    let view = lib.source(&source.id).unwrap();
    assert_eq!(view.block_starts, vec![0, 9, 44, 57]);
    let clip = clip_quote(&lib, &source.id.0, "peaks before 2030");
    assert_eq!(clip.page, None);
}

#[test]
fn markdown_export_gives_each_quote_its_attribution_and_link() {
    let dir = tempfile::tempdir().unwrap();
    let lib = open(dir.path());
    let source = add_article(&lib);
    let a = clip_quote(
        &lib,
        &source.id.0,
        "fined Alibaba a record 18.2 billion yuan",
    );
    let b = clip_quote(
        &lib,
        &source.id.0,
        "Analysts said the fine removes a cloud of uncertainty",
    );
    let out = lib.export_markdown(&[b.id, a.id]).unwrap();
    let attribution = "— Yan Zhang, “China fines Alibaba record $2.8 bln in anti-monopoly probe”, *Reuters*, 10 April 2021. <https://www.reuters.com/article/alibaba-fine>";
    assert_eq!(
        out,
        format!(
            "> Analysts said the fine removes a cloud of uncertainty\n\n{attribution}\n\n\
             > fined Alibaba a record 18.2 billion yuan\n\n{attribution}\n"
        )
    );
}

#[test]
fn a_source_needs_a_title_and_a_web_link() {
    let dir = tempfile::tempdir().unwrap();
    let lib = open(dir.path());
    let mut meta = crate::news_meta();
    meta.url = Some("javascript:alert(1)".into());
    let err = lib
        .add_source(library::NewSource {
            text: "text".into(),
            markdown: false,
            meta,
        })
        .unwrap_err();
    assert!(err.to_string().contains("is not a web address"), "{err}");
    let err = lib
        .add_source(library::NewSource {
            text: "text".into(),
            markdown: false,
            meta: model::SourceMeta::default(),
        })
        .unwrap_err();
    assert!(err.to_string().contains("needs a title"), "{err}");
    assert!(lib.sources().unwrap().is_empty(), "nothing half-saved");
}

#[test]
fn chinese_japanese_and_korean_text_is_searchable_by_its_words() {
    let dir = tempfile::tempdir().unwrap();
    let lib = open(dir.path());
    let source = lib
        .add_source(library::NewSource {
            text: "DeepMind新电脑已可利用记忆自学，人工智能迈上新台阶。\n\n東京タワーは夜に光る。서울의 밤".into(),
            markdown: false,
            meta: model::SourceMeta {
                title: "腾讯科技".into(),
                ..Default::default()
            },
        })
        .unwrap();
    let clip = clip_quote(&lib, &source.id.0, "新电脑已可利用记忆自学");
    assert_eq!(
        hit_ids(&lib, "记忆"),
        vec![clip.id.0.clone()],
        "a two-character word inside a sentence"
    );
    assert_eq!(hit_ids(&lib, "新电脑"), vec![clip.id.0.clone()]);
    assert_eq!(
        hit_ids(&lib, "电脑学"),
        Vec::<String>::new(),
        "characters that are not in sequence do not match"
    );
    assert_eq!(
        lib.search("人工智能", 5).unwrap().passage_total,
        1,
        "source text too"
    );
    assert_eq!(lib.search("タワー", 5).unwrap().passage_total, 1);
    assert_eq!(lib.search("서울", 5).unwrap().passage_total, 1);
}

#[test]
fn searches_narrow_by_source_date_and_kind() {
    let dir = tempfile::tempdir().unwrap();
    let lib = open(dir.path());
    let add = |text: &str, markdown: bool, date: &str| {
        let source = lib
            .add_source(library::NewSource {
                text: text.into(),
                markdown,
                meta: model::SourceMeta {
                    title: format!("Energy note {date}"),
                    issued: date.parse().ok(),
                    ..Default::default()
                },
            })
            .unwrap();
        (source.id.0, text.to_owned())
    };
    let old = add("Coal still led the grid that year.", false, "2019");
    let new = add("Wind led the grid that year.", true, "2021-04-10");
    let old = clip_quote(&lib, &old.0, "led the grid").id.0;
    let new = clip_quote(&lib, &new.0, "led the grid").id.0;
    let ids = |q: &str| {
        let mut v = hit_ids(&lib, q);
        v.sort();
        v
    };
    assert_eq!(ids("grid after:2020"), vec![new.clone()]);
    assert_eq!(ids("grid before:2020"), vec![old.clone()]);
    assert_eq!(
        ids("after:2021-04 before:2021-05"),
        vec![new.clone()],
        "filters alone are a query too"
    );
    assert_eq!(
        ids("before:2019"),
        Vec::<String>::new(),
        "before is exclusive"
    );
    assert_eq!(ids("grid kind:markdown"), vec![new.clone()]);
    assert_eq!(ids("grid kind:text"), vec![old.clone()]);
    let mut both = vec![old.clone(), new.clone()];
    both.sort();
    assert_eq!(
        ids("grid after:soon"),
        both,
        "a date that does not parse is dropped, never an error"
    );
    assert_eq!(
        lib.search("led after:2021", 5).unwrap().passage_total,
        1,
        "passages are filtered too"
    );
}
