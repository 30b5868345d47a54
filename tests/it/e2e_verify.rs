//! Check a draft in the app (issue 15): a pasted draft's quotes marked by their
//! verdicts, the draft shown as text (its markup never becomes elements), an
//! altered quote's diff, its source opened at the passage, and the source's exact
//! words put on the clipboard.

use crate::webdriver::App;
use library::{Config, Library, NewSource};
use model::{Author, SourceMeta};
use serde_json::json;

#[test]
fn a_pasted_draft_has_each_quote_judged_and_a_bad_one_fixed() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("library");
    {
        let lib = Library::open(&dir, Config::default()).unwrap();
        lib.add_source(NewSource {
            text: "Regulators fined the company a record sum on Friday, citing years of abuse.\n\n\
                   The company said it would not appeal the decision and would change its practices."
                .into(),
            markdown: false,
            meta: SourceMeta {
                title: "Record fine for the platform".into(),
                authors: vec![Author::Person {
                    family: "Okafor".into(),
                    given: "Ngozi".into(),
                }],
                container_title: Some("The Ledger".into()),
                issued: "2024-03-05".parse().ok(),
                url: Some("https://ledger.example/fine".into()),
                ..SourceMeta::default()
            },
        })
        .unwrap();
    }
    let app = App::launch(&dir);
    app.wait_text("#status", |t| t.starts_with("Library:"));
    app.click_on("#check-draft");
    let draft = "The Ledger reported that regulators \u{201c}fined the company a record sum on Friday, citing years of abuse.\u{201d}\n\n\
                 A spokesman said the company \u{201c}would appeal the decision and would change its practices.\u{201d} &lt;b id=\"injected\"&gt;bold&lt;/b&gt;";
    app.script(
        "const t = document.getElementById('draft-text'); t.value = arguments[0]; t.dispatchEvent(new Event('input', { bubbles: true })); return 1;",
        json!([draft]),
    );
    app.click_on("#draft-check");
    let summary = app.wait_text("#draft-summary", |t| t.contains("quotes"));
    assert!(summary.contains("1 verified"), "{summary}");
    assert!(summary.contains("1 altered"), "{summary}");
    assert!(summary.contains("Fix the marked quotes"), "{summary}");
    // The draft is read as Markdown, where `&lt;` is a literal `<`: the markup
    // that reaches the text is shown as text, never made an element.
    let shown = app.text(&app.find("#draft-shown"));
    assert!(shown.contains("<b id=\"injected\">bold</b>"), "{shown}");
    assert!(app.try_find("#injected").is_none());
    // The altered quote is chosen first, with what differs from the source.
    let chosen = app.wait_text(".draft-quote.chosen", |t| t.contains("Altered"));
    assert!(
        chosen.contains("not"),
        "the source's missing word shows: {chosen}"
    );
    assert_eq!(app.find_all("mark.quote.verdict-altered").len(), 1);
    assert_eq!(app.find_all("mark.quote.verdict-verified").len(), 1);
    app.screenshot("check-draft");
    // The source's exact words go to the clipboard, for pasting over the quote.
    app.click_on(".draft-quote.chosen .draft-copy-exact");
    app.wait_text("#status", |t| {
        t.starts_with("Copied the source's exact words")
    });
    let copied = app.clipboard("UTF8_STRING");
    assert!(copied.contains("would not appeal the decision"), "{copied}");
    // And the source opens at the passage.
    app.click_on(".draft-quote.chosen .draft-open-source");
    app.wait_text("#reader-title", |t| t == "Record fine for the platform");
}
