//! The workspace as a writer meets it (issue 13): search that finds the word
//! being typed, A then Esc saving nothing and saying so, long results laid out
//! again when the window narrows, the password of an encrypted PDF asked in the
//! middle of a many-file import without losing the import, and an export cited
//! the style's way.

use crate::webdriver::App;
use library::{Config, Library, NewClip, NewSource};
use model::{Author, SourceMeta};
use serde_json::{json, Value};

const ESCAPE: &str = "\u{E00C}";
const ENTER: &str = "\u{E007}";

fn source(lib: &Library, title: &str, text: &str) -> model::Source {
    lib.add_source(NewSource {
        text: text.into(),
        markdown: false,
        meta: SourceMeta {
            title: title.into(),
            authors: vec![Author::Person {
                family: "Okafor".into(),
                given: "Ngozi".into(),
            }],
            container_title: Some("The Ledger".into()),
            issued: "2024-03-05".parse().ok(),
            url: Some("https://ledger.example/sanctions".into()),
            ..SourceMeta::default()
        },
    })
    .unwrap()
}

fn clip(lib: &Library, source: &model::Source, quote: &str) {
    lib.create_clip(NewClip {
        source_id: source.id.to_string(),
        quote: Some(quote.into()),
        ..NewClip::default()
    })
    .unwrap();
}

/// The clip count the results head shows for what is typed now.
fn shown_count(app: &App, typed: &str) -> u64 {
    let head = app.wait_text("#results-head", |t| t.ends_with(&format!("“{typed}”")));
    head.split_whitespace()
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("a count in {head:?}"))
}

#[test]
fn the_word_being_typed_is_searched_as_a_prefix() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("library");
    {
        let lib = Library::open(&dir, Config::default()).unwrap();
        let s = source(
            &lib,
            "Export controls",
            "New sanctions on chip exports took effect in March.\n\nThe rules were widened twice.",
        );
        clip(&lib, &s, "New sanctions on chip exports");
        clip(&lib, &s, "The rules were widened twice.");
    }
    let app = App::launch(&dir);
    let search = app.find("#search");
    let word = "sanctions";
    for n in 1..=word.len() {
        let typed = &word[..n];
        app.type_into(&search, &word[n - 1..n]);
        let count = shown_count(&app, typed);
        // One letter is too short to stand for every word it starts.
        if n >= 2 {
            assert_eq!(count, 1, "typing {typed:?} finds the sanctions clip");
        }
        if typed == "sanctio" {
            // The word is marked as far as it is typed, in the clip and the passage.
            app.wait_text("#results mark", |t| t == "sanctions");
            app.screenshot("search-as-you-type");
        }
    }
    // A space ends the word: "sanc " is the whole word "sanc", found nowhere.
    app.script(
        "const b = document.getElementById('search'); b.value = ''; b.dispatchEvent(new Event('input', { bubbles: true })); return 1;",
        json!([]),
    );
    app.type_into(&search, "sanc ");
    assert_eq!(shown_count(&app, "sanc "), 0);
}

#[test]
fn a_then_escape_saves_nothing_and_says_so() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("library");
    {
        let lib = Library::open(&dir, Config::default()).unwrap();
        source(
            &lib,
            "Export controls",
            "New sanctions on chip exports took effect in March.",
        );
    }
    let app = App::launch(&dir);
    app.click(&app.find("#sources .source"));
    app.wait_text("#reader-title", |t| t == "Export controls");
    app.select_in_reader("chip exports");
    app.press(&["a"]);
    app.find("#claim-input");
    app.press(&[ESCAPE]);
    app.wait_text("#status", |t| t.contains("Nothing saved"));
    assert_eq!(app.text(&app.find("#clip-count")), "0 clips");
    assert!(
        app.script(
            "return document.querySelector('dialog[open]') === null",
            json!([])
        ) == json!(true),
        "the picker is closed"
    );
    // The same selection clipped with C is saved, and undo takes it back.
    app.select_in_reader("chip exports");
    app.press(&["c"]);
    app.wait_text("#clip-count", |t| t == "1 clip");
}

/// Each rendered result row's top and bottom, in list order.
fn row_boxes(app: &App) -> Vec<(f64, f64)> {
    let value = app.script(
        "return [...document.querySelectorAll('#results > li')]
           .sort((a, b) => a.dataset.index - b.dataset.index)
           .map((li) => { const r = li.querySelector('.hit').getBoundingClientRect(); return [r.top, r.bottom]; });",
        json!([]),
    );
    serde_json::from_value::<Vec<(f64, f64)>>(value).unwrap()
}

/// Whether the rows are shown and none starts above the end of the one before.
fn overlap(boxes: &[(f64, f64)]) -> Option<String> {
    if boxes.len() < 3 {
        return Some(format!("too few rows shown: {boxes:?}"));
    }
    boxes
        .windows(2)
        .find(|pair| pair[1].0 < pair[0].1 - 0.5)
        .map(|pair| {
            format!(
                "a row starts at {} above the end of the one before at {}",
                pair[1].0, pair[0].1
            )
        })
}

/// Waits for the list to settle with no row over another (a resize is laid
/// out over a frame or two); panics with the last overlap seen.
fn assert_no_overlap(app: &App, when: &str) {
    let mut last = String::new();
    let settled = app.wait_for_quietly(|| match overlap(&row_boxes(app)) {
        None => Some(()),
        Some(problem) => {
            last = problem;
            None
        }
    });
    assert!(settled.is_some(), "{when}: {last}");
}

#[test]
fn long_results_are_laid_out_again_when_the_window_narrows() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("library");
    {
        let lib = Library::open(&dir, Config::default()).unwrap();
        let mut paragraphs = Vec::new();
        for i in 0..30 {
            // Rows from one line to a dozen: a fixed-height list would overlap them.
            let words = 8 + (i * 37) % 160;
            let body: Vec<String> = (0..words)
                .map(|w| format!("word{}", (w * 7 + i) % 50))
                .collect();
            paragraphs.push(format!("Harbour {i} {}.", body.join(" ")));
        }
        let s = source(&lib, "Harbour log", &paragraphs.join("\n\n"));
        for p in &paragraphs {
            clip(&lib, &s, p);
        }
    }
    let app = App::launch(&dir);
    app.resize_window(1400, 900);
    app.type_into(&app.find("#search"), "harbour ");
    assert_eq!(shown_count(&app, "harbour "), 30);
    assert_no_overlap(&app, "wide");
    let wide = row_boxes(&app);
    app.resize_window(760, 900);
    // The rows grow taller as their text wraps; the list measures them again.
    app.wait_for("the rows to grow", || {
        let boxes = row_boxes(&app);
        (boxes.len() >= 2 && boxes[1].1 - boxes[1].0 > wide[1].1 - wide[1].0 + 1.0).then_some(())
    });
    assert_no_overlap(&app, "narrow");
    // Scrolled to the end, the last row is reachable and whole.
    app.script(
        "document.getElementById('main').scrollTop = 1e9; return 1;",
        json!([]),
    );
    app.wait_for("the last result rendered at the end", || {
        let last = app.script(
            "return Math.max(...[...document.querySelectorAll('#results > li')].map((li) => Number(li.dataset.index)))",
            json!([]),
        );
        (last == json!(29)).then_some(())
    });
    assert_no_overlap(&app, "scrolled");
    app.screenshot("results-narrow");
}

#[test]
fn an_encrypted_pdf_asks_its_password_in_the_middle_of_an_import() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("library");
    let files = tmp.path().join("to import");
    std::fs::create_dir(&files).unwrap();
    std::fs::write(
        files.join("a-notes.md"),
        "# Harbour notes\n\nThe tide came in.\n",
    )
    .unwrap();
    std::fs::copy(
        concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/encrypted.pdf"),
        files.join("b-locked.pdf"),
    )
    .unwrap();
    std::fs::write(files.join("c-notes.txt"), "Cargo left at dawn.\n").unwrap();
    let app = App::launch(&dir);
    app.click(&app.find("#open-file"));
    app.choose_all_in_file_dialog(&files);
    // The progress dialog stays while the password is asked on top of it.
    app.find("#password-input");
    let open: Value = app.script(
        "return [...document.querySelectorAll('dialog[open]')].map((d) => d.id)",
        json!([]),
    );
    let open: Vec<String> = serde_json::from_value(open).unwrap();
    assert!(
        open.contains(&"import-dialog".to_owned()) && open.contains(&"password".to_owned()),
        "both dialogs are open: {open:?}"
    );
    app.screenshot("password-during-import");
    app.type_into(&app.find("#password-input"), "openpassword");
    app.press(&[ENTER]);
    app.wait_text("#status", |t| t.contains("Imported 3 files"));
    assert_eq!(app.text(&app.find("#source-count")), "3");
    // The PDF opened with its password reads as text, with its page marked.
    let pdf = app.script(
        "return [...document.querySelectorAll('#sources .source')].map((r) => r.dataset.source)",
        json!([]),
    );
    let kinds: Vec<String> = serde_json::from_value(pdf).unwrap();
    let pdf = kinds
        .iter()
        .find(|id| {
            let view = app.script_async(
                "const done = arguments[arguments.length - 1];
                 window.__TAURI_INTERNALS__.invoke('get_source', { id: arguments[0] }).then((v) => done(v.source.kind), (e) => done(e));",
                json!([id]),
            );
            view == json!("pdf")
        })
        .expect("the PDF is listed");
    app.click(&app.find(&format!("#sources [data-source=\"{pdf}\"]")));
    app.wait_text("#reader-text", |t| t.len() > 20);
    app.find("#reader-text .page-break");
    app.screenshot("pdf");
}

#[test]
fn an_export_in_a_style_cites_the_style_s_way() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("library");
    {
        let lib = Library::open(&dir, Config::default()).unwrap();
        let s = source(
            &lib,
            "Export controls widen",
            "Officials met on Monday.\n\nNew sanctions on chip exports took effect in March.",
        );
        clip(&lib, &s, "New sanctions on chip exports");
    }
    let app = App::launch(&dir);
    app.click(&app.find("#sources .source"));
    app.click(&app.find("#reader-text mark.clip"));
    app.wait_text("#inspector-quote", |t| t == "New sanctions on chip exports");
    app.click_on("#inspector-preview");
    // The styles are listed once the dialog has asked for them.
    app.find("#export-style option[value=\"apa\"]");
    app.script(
        "const s = document.querySelector('#export-style'); s.value = 'apa'; s.dispatchEvent(new Event('change', { bubbles: true })); return null",
        json!([]),
    );
    // APA: the quote, then the author-date citation with the paragraph; no
    // house attribution line, and no link unless asked for.
    let text = app.wait_text("#export-preview", |t| t.contains("(Okafor, 2024, para. 2)"));
    assert!(!text.contains("— "), "no attribution line: {text}");
    assert!(!text.contains("ledger.example"), "no link: {text}");
    app.click(&app.find("#export-link"));
    app.wait_text("#export-preview", |t| {
        t.contains("https://ledger.example/sanctions")
    });
    app.click(&app.find("#export-bibliography"));
    app.wait_text("#export-preview", |t| {
        t.contains("Okafor, N. (2024, March 5). Export controls widen.")
    });
    app.screenshot("export-apa");
    app.press(&[ESCAPE]);
    // The inspector's citation follows the chosen style.
    app.wait_text(".inspector-body", |t| t.contains("(Okafor, 2024, para. 2)"));
}
