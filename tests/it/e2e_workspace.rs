//! End to end through the real app, the writer's whole job: import a file through
//! the native dialog, clip a passage and tie it to a claim from the keyboard, find
//! a passage of the source by search and open it there, copy a clip with its
//! citation and read the clipboard back as another application would, visit the
//! claim's page, and undo a delete.

use crate::webdriver::App;
use serde_json::{json, Value};

const REPORT: &str = "# Wind report\n\nWind power grew faster than any other source in the decade.\n\nOffshore turbines doubled their output while costs fell by half.\n";
const QUOTE: &str = "Offshore turbines doubled their output";
const CLAIM: &str = "Offshore wind is booming";

const ENTER: &str = "\u{E007}";
const ARROW_DOWN: &str = "\u{E015}";
const CONTROL: &str = "\u{E009}";
const DELETE: &str = "\u{E017}";

/// Calls one of the app's commands through its IPC and returns the answer.
fn ipc(app: &App, command: &str, args: Value) -> Value {
    app.script_async(
        "const done = arguments[arguments.length - 1];
         window.__TAURI_INTERNALS__.invoke(arguments[0], arguments[1]).then(done, e => done({ error: e }));",
        json!([command, args]),
    )
}

#[test]
fn import_by_dialog_clip_with_a_claim_search_a_passage_copy_and_undo() {
    let tmp = tempfile::tempdir().unwrap();
    let library = tmp.path().join("library");
    let file = tmp.path().join("wind-report.md");
    std::fs::write(&file, REPORT).unwrap();
    let app = App::launch(&library);
    app.wait_text(".empty-state h1", |t| t == "Your commonplace book is empty");

    // Import through the native file dialog.
    app.click(&app.find("#open-file"));
    app.choose_in_file_dialog(&file);
    app.wait_text("#reader-title", |t| t == "Wind report");

    // Select, press A, type a new claim, Enter creates it, 2 = contradicts.
    app.select_in_reader(QUOTE);
    app.press(&["a"]);
    app.type_into(&app.find("#claim-input"), CLAIM);
    app.press(&[ENTER]);
    app.find("#stance-row button");
    app.press(&["2"]);
    app.wait_text("#inspector-claims li.stance-contradicts", |t| {
        t.contains(CLAIM)
    });
    let claims = ipc(
        &app,
        "claims_page",
        json!({"offset": 0, "limit": 50, "filter": ""}),
    )["items"]
        .clone();
    assert_eq!(claims[0]["claim"]["statement"], CLAIM);
    assert_eq!(
        claims[0]["contradicts"], 1,
        "stored with its stance: {claims}"
    );
    let claim_id = claims[0]["claim"]["id"].as_str().unwrap().to_owned();

    // "costs" is in the source but in no clip: a passage hit opens the reader there.
    app.type_into(&app.find("#search"), "costs");
    app.find("#passages .hit");
    app.press(&[ARROW_DOWN, ENTER]);
    // The reader opens at the match, highlighted.
    app.wait_text("#reader-text mark.focus", |t| t == "costs");

    // Preview the clip, choose APA, and copy it with its citation; another
    // application reads the clipboard.
    app.click(&app.find("#reader-text mark.clip"));
    app.wait_text("#inspector-quote", |t| t == QUOTE);
    app.click_on("#inspector-preview");
    // The styles are listed once the dialog has asked for them.
    app.find("#export-style option[value=\"apa\"]");
    app.script(
        "const s = document.querySelector('#export-style'); s.value = 'apa'; s.dispatchEvent(new Event('change', { bubbles: true })); return null",
        json!([]),
    );
    // No author, no date: APA cites the title, "n.d." and the paragraph.
    app.wait_text("#export-preview", |t| t.contains("n.d., para. 2)"));
    app.screenshot("export");
    app.click(&app.find("#export-copy"));
    app.wait_text("#status", |t| t.starts_with("Copied"));
    let clip_id = app
        .script(
            "return document.querySelector('.inspector-body').dataset.clip",
            json!([]),
        )
        .as_str()
        .unwrap()
        .to_owned();
    let export = ipc(
        &app,
        "export",
        json!({"target": {"kind": "clips", "ids": [clip_id]}, "options": {"style": "apa", "bibliography": false}}),
    );
    let html = app.clipboard("text/html");
    let text = app.clipboard("UTF8_STRING");
    assert_eq!(html, export["html"].as_str().unwrap());
    assert_eq!(text, export["text"].as_str().unwrap());
    // In a style, the quote is cited the style's way: APA's in-text citation
    // after the quote (8.27), with the paragraph it is in (8.28).
    assert!(
        html.starts_with(&format!(
            "<blockquote><p>{QUOTE} (<i>Wind Report</i>, n.d., para. 2)</p></blockquote>"
        )),
        "{html}"
    );
    assert!(text.contains("n.d., para. 2)"), "{text}");

    // The claim's page shows the evidence under its stance.
    app.click(&app.find(&format!("#claims [data-claim=\"{claim_id}\"]")));
    app.wait_text("#claim-title", |t| t == CLAIM);
    app.wait_text(".stance-contradicts .evidence-item blockquote", |t| {
        t == QUOTE
    });
    app.screenshot("claim");

    // Delete the clip from the keyboard, then Ctrl+Z brings it back.
    app.click(&app.find(".evidence-item"));
    app.find("#inspector-quote");
    app.press(&[DELETE]);
    app.wait_text("#clip-count", |t| t == "0 clips");
    app.chord(&[CONTROL, "z"]);
    app.wait_text("#clip-count", |t| t == "1 clip");
    let back = ipc(&app, "get_claim", json!({"id": claim_id}));
    assert_eq!(
        back["evidence"][0]["stance"], "contradicts",
        "the clip came back with its claim link"
    );
}

/// References and citation details as a person reaches them: a Better BibTeX file
/// imported through References and the native dialog, a source's type and report
/// number set in Edit details, and the search syntax in the `?` sheet.
#[test]
fn import_a_bibtex_file_set_a_source_type_and_read_the_search_syntax() {
    let tmp = tempfile::tempdir().unwrap();
    let library = tmp.path().join("library");
    let bib = tmp.path().join("library.bib");
    std::fs::copy(
        concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/crates/cite/tests/fixtures/better-bibtex.bib"
        ),
        &bib,
    )
    .unwrap();
    let app = App::launch(&library);
    app.wait_text(".empty-state h1", |t| t == "Your commonplace book is empty");

    app.click(&app.find("#references"));
    app.click(&app.find("#refs-import"));
    app.choose_in_file_dialog(&bib);
    app.wait_text("#status", |t| t.starts_with("Imported 5 sources"));
    app.wait_text("#source-count", |t| t == "5");

    // The report: open it, mark its type and number in Edit details.
    app.click(&app.find("#sources li"));
    app.wait_text("#reader-title", |t| !t.is_empty());
    let title = app.text(&app.find("#reader-title"));
    app.click(&app.find("#source-edit"));
    app.script(
        "const s = document.querySelector('#edit-type'); s.value = 'report'; s.dispatchEvent(new Event('change', { bubbles: true })); return null",
        json!([]),
    );
    let number = app.find("#edit-number");
    app.script(
        "document.querySelector('#edit-number').value = ''; return null",
        json!([]),
    );
    app.type_into(&number, "WEO-2023");
    app.click(&app.find("#edit-save"));
    app.wait_text(".inspector-body", |t| {
        t.contains("Report") && t.contains("WEO-2023")
    });
    let sources = ipc(
        &app,
        "sources_page",
        json!({"offset": 0, "limit": 50, "filter": ""}),
    )["items"]
        .clone();
    let id = sources
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["title"] == title.as_str())
        .unwrap()["id"]
        .clone();
    let view = ipc(&app, "get_source", json!({ "id": id }));
    assert_eq!(view["source"]["meta"]["itemType"], "report");
    assert_eq!(view["source"]["meta"]["number"], "WEO-2023");

    // The search syntax is in the ? sheet.
    app.press(&["\u{E00C}"]);
    app.click(&app.find("#help"));
    app.wait_text("#search-syntax", |t| {
        t.contains("regul*") && t.contains("after:2021-03")
    });
    app.screenshot("references");
}
