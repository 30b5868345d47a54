//! End to end through the real app: a person adds a source, selects a passage,
//! presses C, then finds the clip by searching for a word of it.

use crate::webdriver::App;
use serde_json::json;

const ARTICLE: &str = "China's market regulator fined Alibaba a record 18.2 billion yuan on Saturday.\n\nThe penalty follows a months-long antitrust investigation into the e-commerce giant, which regulators said had abused its dominant position.";
const QUOTE: &str = "abused its dominant position";

#[test]
fn add_a_source_clip_a_selection_with_the_keyboard_and_find_it_by_search() {
    let tmp = tempfile::tempdir().unwrap();
    let library = tmp.path().join("library");
    let app = App::launch(&library);

    // A new library teaches the next step (once it has opened).
    app.wait_text(".empty-state h1", |t| t == "Your commonplace book is empty");

    app.click(&app.find("#add-source"));
    app.type_into(
        &app.find("#source-title"),
        "China fines Alibaba record $2.8 bln",
    );
    app.type_into(&app.find("#source-authors"), "Zhang, Yan");
    app.type_into(&app.find("#source-site"), "Reuters");
    app.type_into(&app.find("#source-date"), "2021-04-10");
    app.type_into(
        &app.find("#source-url"),
        "https://www.reuters.com/article/alibaba",
    );
    app.type_into(&app.find("#source-text"), ARTICLE);
    app.click(&app.find("#save-source"));

    let title = app.find("#reader-title");
    assert_eq!(app.text(&title), "China fines Alibaba record $2.8 bln");
    let paragraphs = app.find_all("#reader-text p");
    assert_eq!(paragraphs.len(), 2, "the blank line made two paragraphs");

    // Select the passage as a mouse drag would leave it, then press C.
    app.select_in_reader(QUOTE);
    app.press(&["c"]);

    let mark = app.find("#reader-text mark.clip");
    assert_eq!(
        app.text(&mark),
        QUOTE,
        "the new clip is highlighted in the reader"
    );
    let count = app.find("#clip-count");
    app.wait_for("the clip count", || {
        (app.text(&count) == "1 clip").then_some(())
    });
    app.screenshot("reader");

    // What the app stored, asked through its own IPC.
    let stored = app.script_async(
        "const done = arguments[arguments.length - 1];
         window.__TAURI_INTERNALS__.invoke('sources_page', { offset: 0, limit: 1, filter: '' })
           .then(s => window.__TAURI_INTERNALS__.invoke('get_source', { id: s.items[0].id }))
           .then(v => done(v.clips.map(c => [c.quote.exact, c.quote.prefix.slice(-16), c.position.start])))
           .catch(e => done({ error: e }));",
        json!([]),
    );
    let start = ARTICLE.find(QUOTE).unwrap();
    assert_eq!(stored, json!([[QUOTE, "lators said had ", start]]));

    // Search as you type, then open the hit.
    app.type_into(&app.find("#search"), "dominant");
    // Each keystroke searches; wait for the results of the whole word, so the
    // list is not redrawn under the click.
    app.wait_text("#results-head", |t| t.ends_with("“dominant”"));
    let marked: Vec<String> = app
        .find_all("#results .hit .snippet mark")
        .iter()
        .map(|m| app.text(m))
        .collect();
    assert_eq!(marked, vec!["dominant"], "the matched word is highlighted");
    assert_eq!(app.text(&app.find("#results .hit .snippet")), QUOTE);
    app.screenshot("search");
    app.click(&app.find("#results .hit"));
    let flashed = app.find("#reader-text mark.flash");
    assert_eq!(
        app.text(&flashed),
        QUOTE,
        "the hit opens the reader at the clip"
    );
    drop(app);

    // The app is gone and its lock with it: the clip is in the library on disk.
    let lib = app_closed_then_open(&library);
    let results = lib.search("\"dominant position\"", 5).unwrap();
    assert_eq!(results.total, 1);
    assert!(lib.health().unwrap().is_ok());
}

/// Opens the library once the app has let go of it (it exits when the session ends).
fn app_closed_then_open(dir: &std::path::Path) -> library::Library {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
    loop {
        match library::Library::open(dir, library::Config::default()) {
            Ok(lib) => return lib,
            Err(e)
                if e.code() == library::ErrorCode::LibraryLocked
                    && std::time::Instant::now() < deadline =>
            {
                std::thread::sleep(std::time::Duration::from_millis(200));
            }
            Err(e) => panic!("the library does not open after the app closed: {e}"),
        }
    }
}
