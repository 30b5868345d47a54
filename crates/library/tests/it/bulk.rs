use crate::{hit_ids, open};
use library::BulkRecord;

fn parse(lines: &str) -> Vec<(u64, Result<BulkRecord, String>)> {
    lines
        .lines()
        .enumerate()
        .map(|(i, l)| {
            (
                i as u64 + 1,
                serde_json::from_str(l).map_err(|e| e.to_string()),
            )
        })
        .collect()
}

#[test]
fn bulk_import_saves_good_lines_skips_bad_ones_and_reports_each_batch() {
    let dir = tempfile::tempdir().unwrap();
    let lib = open(dir.path());
    let input = r#"{"source": {"title": "Oil Outlook", "authors": ["Birol, Fatih"], "site": "IEA", "date": "2023-10", "url": "https://iea.org/outlook"}, "quote": "Oil demand peaks before 2030", "tags": ["energy"], "claims": [{"statement": "Oil demand will peak soon", "stance": "supports"}]}
{"source": {"title": "Oil Outlook", "url": "https://iea.org/outlook"}, "quote": "Solar becomes the cheapest power", "claims": [{"statement": "oil demand will PEAK soon", "stance": "context"}]}
{"source": {"title": "Full text", "text": "The whole text of a report. It says many things."}, "quote": "not in the text"}
this is not json
{"source": {"title": "Full text", "text": "The whole text of a report. It says many things."}, "quote": "It says many things."}
{"quote": "no source"}
{"source": {"title": "Dated", "date": "last week"}, "quote": "a quote"}"#;
    let mut batches = Vec::new();
    let report = lib
        .import_clips(parse(input).into_iter(), 2, |p| batches.push(p.clone()))
        .unwrap();
    assert_eq!(
        (
            report.progress.lines,
            report.progress.saved,
            report.progress.failed
        ),
        (7, 3, 4)
    );
    let failed_lines: Vec<u64> = report.errors.iter().map(|(l, _)| *l).collect();
    assert_eq!(failed_lines, vec![3, 4, 6, 7]);
    assert!(
        report.errors[0].1.contains("the quote was not found"),
        "{:?}",
        report.errors
    );
    assert!(
        report.errors[1].1.contains("not a valid record"),
        "{:?}",
        report.errors
    );
    assert!(
        report.errors[3].1.contains("is not a date"),
        "{:?}",
        report.errors
    );
    let saved: Vec<u64> = batches.iter().map(|b| b.saved).collect();
    assert_eq!(
        saved,
        vec![2, 2, 3, 3],
        "one report per committed batch of two lines"
    );

    let sources = lib.sources().unwrap();
    let titles: Vec<&str> = sources.iter().map(|s| s.title.as_str()).collect();
    assert_eq!(
        titles.len(),
        2,
        "the failed line left no source behind: {titles:?}"
    );
    assert!(titles.contains(&"Oil Outlook") && titles.contains(&"Full text"));
    let outlook = sources.iter().find(|s| s.title == "Oil Outlook").unwrap();
    assert_eq!(
        outlook.clip_count, 2,
        "the second line found the first line's source by URL"
    );
    let view = lib.source(&outlook.id).unwrap();
    assert_eq!(view.source.kind, model::SourceKind::Excerpts);
    assert_eq!(
        view.source.blocks.len(),
        2,
        "an excerpts source grows with its quotes"
    );

    let claims = lib.claims().unwrap();
    assert_eq!(claims.len(), 1, "claims are matched without regard to case");
    assert_eq!((claims[0].supports, claims[0].context), (1, 1));
    assert_eq!(hit_ids(&lib, "solar").len(), 1);
    assert_eq!(hit_ids(&lib, "author:birol").len(), 2);
    assert!(lib.health().unwrap().is_ok());
}
