//! The fixture draft, in Markdown, HTML, plain text, .docx and .odt, checked
//! against the fixture library: every verdict, every flag and every quote style
//! must come out, and the same way from every format.

use crate::library::Library;
use crate::office;
use expect_test::expect;
use verify::{find_quotes, judge, read_draft, Check, Draft, FoundQuote, QuoteKind};

fn drafts() -> Vec<(&'static str, Vec<u8>)> {
    vec![
        ("draft.md", include_bytes!("../fixtures/draft.md").to_vec()),
        (
            "draft.html",
            include_bytes!("../fixtures/draft.html").to_vec(),
        ),
        (
            "draft.txt",
            include_bytes!("../fixtures/draft.txt").to_vec(),
        ),
        ("draft.docx", office::docx(&office::draft())),
        ("draft.odt", office::odt(&office::draft())),
    ]
}

fn collapsed(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn check_of(library: &Library, quote: &FoundQuote) -> Check {
    judge(quote, &library.candidates(&quote.text), |c| {
        library.knows(c)
    })
}

/// One line per quote: verdict and flags, kind, text, citation, where found.
fn report(library: &Library, draft: &Draft) -> String {
    let mut lines = Vec::new();
    for quote in find_quotes(draft) {
        let kind = match quote.kind {
            QuoteKind::Block => "block",
            QuoteKind::Inline => "inline",
        };
        let text = collapsed(&quote.text);
        if let Some(why) = &quote.skipped {
            lines.push(format!("skipped ({why}) {kind} {text:?}"));
            continue;
        }
        let check = check_of(library, &quote);
        let flags: Vec<String> = check
            .flags
            .iter()
            .map(|f| serde_json::to_string(f).expect("a flag serialises"))
            .collect();
        let verdict = serde_json::to_string(&check.verdict).expect("a verdict serialises");
        let cited = quote
            .cited
            .as_ref()
            .map_or("nothing".to_owned(), |c| format!("{c:?}"));
        let found = check.source_id.as_deref().unwrap_or("-");
        lines.push(format!(
            "{verdict} [{}] {kind} {text:?}\n    cites {cited}; found in {found}",
            flags.join(",")
        ));
    }
    lines.join("\n")
}

#[test]
fn every_verdict_flag_and_quote_style_in_the_markdown_draft() {
    let library = Library::fixture();
    let draft =
        read_draft(include_bytes!("../fixtures/draft.md"), "draft.md").expect("the draft reads");
    expect![[r#"
        "verified" [] inline "Officials said on Tuesday that the company would not cut prices before 2025,"
            cites Said("Reuters"); found in reuters-econ
        "verified" ["typographic"] inline "We don't expect growth to return -- not this year,"
            cites Url("https://www.reuters.com/world/china-economy-2023/"); found in reuters-econ
        "verified" ["typographic"] inline "Officials said on Tuesday that the company would not cut prices before 2025. ‘We don’t expect growth to return — not this year,’ the minister added."
            cites Key("zhang2023"); found in reuters-econ
        "verified" ["typographic","elided"] inline "Global demand for coal has peaked … the transition to clean energy is happening faster than many think"
            cites Said("IEA"); found in iea-outlook
        "verified" ["bracketed"] inline "[The firm] would not cut prices before 2025"
            cites Said("Zhang"); found in reuters-econ
        "verified" ["typographic","unattributed"] inline "investment in solar power is set to exceed investment in oil production"
            cites nothing; found in iea-outlook
        "verified" [] inline "Investment in solar power is set to exceed investment in oil production for the first time this year."
            cites Footnote("International Energy Agency, World Energy Outlook 2023, 2023."); found in iea-outlook
        "altered" [] inline "Sales of cars fell 4.5% in March,"
            cites Said("Reuters"); found in reuters-econ
        "altered" [] inline "the central bank said it would raise rates again this year."
            cites Said("Zhang"); found in reuters-econ
        "not-found" [] inline "This sentence appears in no source at all, anywhere,"
            cites nothing; found in -
        "misattributed" [] inline "Markets adjust slowly, and investors rarely notice until it is too late,"
            cites Said("Bloomberg"); found in economist-markets
        "misattributed" [] inline "The Fed will keep rates high for longer than markets expect"
            cites Url("https://www.reuters.com/world/china-economy-2023/"); found in bloomberg-rates
        skipped (scare quote: fewer than 4 words and no attribution nearby) inline "experts"
        "verified" [] inline "The central bank said it would not raise rates again this year,"
            cites Said("Powell"); found in reuters-econ
        "verified" [] block "The transition will take decades, not years."
            cites Said("Jane Doe"); found in economist-markets
        "altered" [] block "Markets adjust quickly, and investors notice until it is too late."
            cites Said("The Economist"); found in economist-markets"#]].assert_eq(&report(&library, &draft));
}

#[test]
fn every_format_gives_the_same_verdicts() {
    let library = Library::fixture();
    let drafts = drafts();
    let markdown = read_draft(&drafts[0].1, drafts[0].0).expect("the Markdown draft reads");
    let expected = report(&library, &markdown);
    for (name, bytes) in &drafts[1..] {
        let draft = read_draft(bytes, name).unwrap_or_else(|e| panic!("{name} reads: {e}"));
        assert_eq!(
            report(&library, &draft),
            expected,
            "{name} is the same draft as draft.md, so its quotes and verdicts are the same"
        );
    }
}

#[test]
fn offsets_point_at_each_quote_in_every_format() {
    for (name, bytes) in drafts() {
        let draft = read_draft(&bytes, name).unwrap_or_else(|e| panic!("{name} reads: {e}"));
        let chars: Vec<char> = draft.text.chars().collect();
        for quote in find_quotes(&draft) {
            let span: String = chars[quote.start..quote.end].iter().collect();
            let mut rest = span.as_str();
            for word in quote.text.split_whitespace() {
                let at = rest.find(word).unwrap_or_else(|| {
                    panic!(
                        "{name}: {word:?} of {:?} is in its span {span:?}",
                        quote.text
                    )
                });
                rest = &rest[at + word.len()..];
            }
        }
    }
}

#[test]
fn an_altered_quote_reports_the_diff_and_the_source_words_as_json() {
    let library = Library::fixture();
    let draft =
        read_draft(include_bytes!("../fixtures/draft.md"), "draft.md").expect("the draft reads");
    let quotes = find_quotes(&draft);
    let quote = quotes
        .iter()
        .find(|q| q.text.starts_with("Sales of cars"))
        .expect("the altered quote is found");
    let json =
        serde_json::to_string_pretty(&check_of(&library, quote)).expect("a check serialises");
    expect![[r#"
        {
          "verdict": "altered",
          "flags": [],
          "cited": {
            "kind": "said",
            "value": "Reuters"
          },
          "sourceId": "reuters-econ",
          "passageId": "reuters-econ#1",
          "sourceSpan": [
            150,
            182
          ],
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
          "suggestion": "Sales of cars fell 3.5% in March",
          "score": 0.85714287,
          "omitted": []
        }"#]]
    .assert_eq(&json);
}
