//! Checking a draft's quotes through the real library (issue #15): the fixture
//! draft of the `verify` crate against a library made of the fixture's sources,
//! saved, indexed and searched for real. Every verdict and flag comes out, the
//! same from Markdown, HTML and plain text; offsets point into the draft's text
//! and into the sources' text; a quote found in one source and cited to another
//! names both.

use crate::open;
use expect_test::expect;
use library::{BulkRecord, BulkSource, DraftSource, ErrorCode, Library, NewClip, NewSource};
use model::{DraftReport, QuoteCheck, QuoteVerdict, SourceId, SourceMeta, SourceText};
use serde::Deserialize;
use std::collections::HashMap;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../verify/tests/fixtures");

#[derive(Deserialize)]
struct FixtureSource {
    id: String,
    meta: SourceMeta,
    paragraphs: Vec<String>,
}

/// The fixture's sources saved in a new library; their ids by the fixture's names.
fn fixture_library(dir: &std::path::Path) -> (Library, HashMap<String, SourceId>) {
    let lib = open(dir);
    let json = std::fs::read_to_string(format!("{FIXTURES}/library.json")).unwrap();
    let sources: Vec<FixtureSource> = serde_json::from_str(&json).unwrap();
    let mut ids = HashMap::new();
    for s in sources {
        let saved = lib
            .add_source(NewSource {
                text: s.paragraphs.join("\n\n"),
                markdown: false,
                meta: s.meta,
            })
            .expect("a fixture source saves");
        ids.insert(s.id, saved.id);
    }
    (lib, ids)
}

fn draft(name: &str) -> Vec<u8> {
    std::fs::read(format!("{FIXTURES}/{name}")).unwrap()
}

/// One line per quote: verdict, flags, text, what it cites and where it was
/// found (sources by their fixture names).
fn summary(report: &DraftReport, names: &HashMap<String, SourceId>) -> String {
    let name_of = |id: &Option<SourceId>| {
        id.as_ref().map_or("-".to_owned(), |id| {
            names
                .iter()
                .find(|(_, v)| *v == id)
                .map_or(id.to_string(), |(k, _)| k.clone())
        })
    };
    let mut lines: Vec<String> = report
        .quotes
        .iter()
        .map(|q| {
            let verdict = serde_json::to_value(q.verdict).unwrap();
            let flags = serde_json::to_value(&q.flags).unwrap();
            let text = q.text.split_whitespace().collect::<Vec<_>>().join(" ");
            format!(
                "{} {} {text:?}\n    found in {}; cited {}{}",
                verdict.as_str().unwrap(),
                flags,
                name_of(&q.source_id),
                name_of(&q.cited_source_id),
                if q.clip_id.is_some() {
                    "; as a clip"
                } else {
                    ""
                },
            )
        })
        .collect();
    lines.push(serde_json::to_string(&report.summary).unwrap());
    lines.join("\n")
}

#[test]
fn every_verdict_and_flag_of_the_fixture_draft_through_the_index() {
    let tmp = tempfile::tempdir().unwrap();
    let (lib, names) = fixture_library(tmp.path());
    let report = lib.verify_draft(&draft("draft.md"), "draft.md").unwrap();
    expect![[r#"
        verified [] "Officials said on Tuesday that the company would not cut prices before 2025,"
            found in reuters-econ; cited reuters-econ
        verified ["typographic"] "We don't expect growth to return -- not this year,"
            found in reuters-econ; cited reuters-econ
        verified ["typographic"] "Officials said on Tuesday that the company would not cut prices before 2025. ‘We don’t expect growth to return — not this year,’ the minister added."
            found in reuters-econ; cited reuters-econ
        verified ["typographic","elided"] "Global demand for coal has peaked … the transition to clean energy is happening faster than many think"
            found in iea-outlook; cited iea-outlook
        verified ["bracketed"] "[The firm] would not cut prices before 2025"
            found in reuters-econ; cited reuters-econ
        verified ["typographic","unattributed"] "investment in solar power is set to exceed investment in oil production"
            found in iea-outlook; cited -
        verified [] "Investment in solar power is set to exceed investment in oil production for the first time this year."
            found in iea-outlook; cited iea-outlook
        altered [] "Sales of cars fell 4.5% in March,"
            found in reuters-econ; cited reuters-econ
        altered [] "the central bank said it would raise rates again this year."
            found in reuters-econ; cited reuters-econ
        not-found [] "This sentence appears in no source at all, anywhere,"
            found in -; cited -
        misattributed [] "Markets adjust slowly, and investors rarely notice until it is too late,"
            found in economist-markets; cited bloomberg-rates
        misattributed [] "The Fed will keep rates high for longer than markets expect"
            found in bloomberg-rates; cited reuters-econ
        skipped [] "experts"
            found in -; cited -
        verified [] "The central bank said it would not raise rates again this year,"
            found in reuters-econ; cited -
        verified [] "The transition will take decades, not years."
            found in economist-markets; cited economist-markets
        altered [] "Markets adjust quickly, and investors notice until it is too late."
            found in economist-markets; cited economist-markets
        {"quotes":16,"checked":15,"verified":9,"altered":3,"notFound":1,"misattributed":2,"skipped":1,"unattributed":1,"ok":false}"#]]
    .assert_eq(&summary(&report, &names));
}

#[test]
fn html_and_plain_text_drafts_give_the_same_verdicts() {
    let tmp = tempfile::tempdir().unwrap();
    let (lib, names) = fixture_library(tmp.path());
    let markdown = summary(
        &lib.verify_draft(&draft("draft.md"), "draft.md").unwrap(),
        &names,
    );
    for name in ["draft.html", "draft.txt"] {
        let report = lib.verify_draft(&draft(name), name).unwrap();
        assert_eq!(
            summary(&report, &names),
            markdown,
            "{name} is the same draft as draft.md"
        );
    }
}

/// The source text at a quote's span, and the draft text at its offsets.
fn spans(lib: &Library, report: &DraftReport, q: &QuoteCheck) -> (String, String) {
    let draft: String = report
        .text
        .chars()
        .skip(q.start as usize)
        .take((q.end - q.start) as usize)
        .collect();
    let Some(at) = q.at else {
        return (draft, String::new());
    };
    let source = lib.source(q.source_id.as_ref().unwrap()).unwrap().source;
    let text = SourceText::new(&source.blocks);
    let found = text.slice(at.start as usize, at.end as usize).unwrap();
    assert!(
        at.passage_start <= at.start && at.end <= at.passage_end,
        "the matched words lie in the passage they were found in: {at:?}"
    );
    (draft, found.to_owned())
}

#[test]
fn offsets_point_at_the_quote_in_the_draft_and_at_its_words_in_the_source() {
    let tmp = tempfile::tempdir().unwrap();
    let (lib, _) = fixture_library(tmp.path());
    let report = lib.verify_draft(&draft("draft.md"), "draft.md").unwrap();
    for q in &report.quotes {
        let (in_draft, in_source) = spans(&lib, &report, q);
        let first = q.text.split_whitespace().next().unwrap();
        assert!(
            in_draft.contains(first),
            "{:?} starts its span in the draft's text {in_draft:?}",
            q.text
        );
        match q.verdict {
            QuoteVerdict::Verified | QuoteVerdict::Misattributed => {
                let last = q.text.split_whitespace().last().unwrap();
                let last = last.trim_matches(|c: char| !c.is_alphanumeric());
                assert!(
                    in_source.ends_with(last),
                    "{:?} ends at its span in the source {in_source:?}",
                    q.text
                );
            }
            QuoteVerdict::Altered => assert_eq!(
                Some(&in_source),
                q.suggestion.as_ref(),
                "the suggestion is the source's text at the span"
            ),
            _ => assert!(q.at.is_none(), "{:?} has no place in a source", q.text),
        }
    }
}

#[test]
fn an_altered_quote_has_its_diff_and_the_exact_words_to_paste() {
    let tmp = tempfile::tempdir().unwrap();
    let (lib, _) = fixture_library(tmp.path());
    let report = lib.verify_draft(&draft("draft.md"), "draft.md").unwrap();
    let altered = report
        .quotes
        .iter()
        .find(|q| q.text.starts_with("Sales of cars"))
        .unwrap();
    expect![[r#"
        {
          "at": {
            "end": 182,
            "passageEnd": 286,
            "passageStart": 150,
            "start": 150
          },
          "block": false,
          "cited": {
            "kind": "said",
            "value": "Reuters"
          },
          "clipId": null,
          "diff": [
            {
              "kind": "same",
              "text": "Sales of cars fell"
            },
            {
              "kind": "removed",
              "text": " 3.5"
            },
            {
              "kind": "added",
              "text": " 4.5"
            },
            {
              "kind": "same",
              "text": "% in March"
            }
          ],
          "end": 851,
          "flags": [],
          "omitted": [],
          "skipped": null,
          "sourceTitle": "China's Economy: The Long Slowdown",
          "start": 818,
          "suggestion": "Sales of cars fell 3.5% in March",
          "text": "Sales of cars fell 4.5% in March,",
          "verdict": "altered"
        }"#]]
    .assert_eq(&without_ids(altered));
}

/// A check as JSON without its generated ids.
fn without_ids(q: &QuoteCheck) -> String {
    let mut value = serde_json::to_value(q).unwrap();
    let object = value.as_object_mut().unwrap();
    object.remove("sourceId");
    object.remove("citedSourceId");
    serde_json::to_string_pretty(&value).unwrap()
}

#[test]
fn a_quote_saved_as_a_clip_is_named_and_placed_by_the_clip() {
    let tmp = tempfile::tempdir().unwrap();
    let (lib, names) = fixture_library(tmp.path());
    let clip = lib
        .create_clip(NewClip {
            source_id: names["iea-outlook"].to_string(),
            quote: Some(
                "Investment in solar power is set to exceed investment in oil production".into(),
            ),
            ..NewClip::default()
        })
        .unwrap();
    let report = lib
        .verify_draft(
            "The IEA said that “investment in solar power is set to exceed investment in oil production”."
                .as_bytes(),
            "note.txt",
        )
        .unwrap();
    let q = &report.quotes[0];
    assert_eq!(q.verdict, QuoteVerdict::Verified, "{q:?}");
    assert_eq!(q.clip_id.as_ref(), Some(&clip.id), "the clip is named");
    let at = q.at.expect("placed in the source's text");
    assert_eq!(
        (at.passage_start, at.passage_end),
        (clip.position.start, clip.position.end),
        "the passage is the clip"
    );
    assert_eq!((at.start, at.end), (at.passage_start, at.passage_end));
}

#[test]
fn a_source_made_only_of_clips_is_checked_through_its_clips() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = open(tmp.path());
    // A source imported without its text is made of its excerpts, which the
    // index holds as clips only.
    let record = BulkRecord {
        source: Some(BulkSource {
            title: "Annual letter".into(),
            url: Some("https://letters.example/2024".into()),
            ..BulkSource::default()
        }),
        quote: "Our patience with slow suppliers has finally run out this spring.".into(),
        ..BulkRecord::default()
    };
    lib.import_clips(std::iter::once((1, Ok(record))), 10, |_| {})
        .unwrap();
    let report = lib
        .verify_text("As the [letter](https://letters.example/2024) put it, “our patience with slow suppliers has run out this spring.”")
        .unwrap();
    let q = &report.quotes[0];
    assert_eq!(q.verdict, QuoteVerdict::Altered, "a dropped word: {q:?}");
    assert!(q.clip_id.is_some(), "found as the clip: {q:?}");
    assert_eq!(
        q.suggestion.as_deref(),
        Some("Our patience with slow suppliers has finally run out this spring")
    );
    assert_eq!(report.name, "pasted text");
}

#[test]
fn a_quote_over_a_paragraph_break_is_found_in_the_joined_paragraphs() {
    let tmp = tempfile::tempdir().unwrap();
    let (lib, names) = fixture_library(tmp.path());
    // The end of the Economist's first paragraph and the start of its second.
    let report = lib
        .verify_text(
            "The Economist wrote: “investors rarely notice until it is too late. The transition will take decades”.",
        )
        .unwrap();
    let q = &report.quotes[0];
    assert_eq!(q.verdict, QuoteVerdict::Verified, "{q:?}");
    assert_eq!(q.source_id.as_ref(), Some(&names["economist-markets"]));
    let (_, in_source) = spans(&lib, &report, q);
    assert_eq!(
        in_source,
        "investors rarely notice until it is too late.\n\nThe transition will take decades"
    );
}

#[test]
fn a_quote_cited_right_is_checked_against_its_source_though_others_share_its_words() {
    let tmp = tempfile::tempdir().unwrap();
    let (lib, names) = fixture_library(tmp.path());
    // Thirty sources that share the quote's words, in other orders: without
    // the cited source's own passages, the index's best twenty would all be these.
    for k in 0..30 {
        lib.add_source(NewSource {
            text: format!("Cut prices, officials said: the company would not before Tuesday {k}, 2025, cut prices. Officials said prices."),
            markdown: false,
            meta: SourceMeta {
                title: format!("Echo {k}"),
                ..SourceMeta::default()
            },
        })
        .unwrap();
    }
    let report = lib
        .verify_text("“Officials said on Tuesday that the company would not cut prices before 2025” [@zhang2023].")
        .unwrap();
    let q = &report.quotes[0];
    assert_eq!(q.verdict, QuoteVerdict::Verified, "{q:?}");
    assert_eq!(q.source_id.as_ref(), Some(&names["reuters-econ"]));
    assert_eq!(q.cited_source_id.as_ref(), Some(&names["reuters-econ"]));
}

#[test]
fn drafts_that_cannot_be_read_are_named_errors() {
    let tmp = tempfile::tempdir().unwrap();
    let (lib, _) = fixture_library(tmp.path());
    let cases: [(&[u8], &str, &str); 3] = [
        (b"   \n", "empty.md", "empty.md is empty"),
        (b"%PDF-1.7 ...", "draft.pdf", "draft.pdf is"),
        (
            b"PK\x03\x04 not really a zip",
            "draft.docx",
            "draft.docx is damaged",
        ),
    ];
    for (bytes, name, says) in cases {
        let e = lib.verify_draft(bytes, name).unwrap_err();
        assert_eq!(e.code(), ErrorCode::InvalidInput, "{name}: {e}");
        assert!(e.to_string().starts_with(says), "{name}: {e}");
    }
    let missing = tmp.path().join("nowhere.md");
    let e = lib
        .verify(&DraftSource::File {
            path: missing.display().to_string(),
        })
        .unwrap_err();
    assert!(e.to_string().contains("there is no such file"), "{e}");
}
