//! The app never makes the writer wait (issue 12), as a person sees it: a web
//! address pasted into the window imports slowly (the site trickles its page for
//! five seconds) while the writer searches and opens another source, and the new
//! source appears in the sidebar by itself when it is in. A search that panics
//! (a test hook) is one failed search, and the next keystroke works.

use crate::webdriver::App;
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::time::{Duration, Instant};

const CONTROL: &str = "\u{E009}";

fn trickling_page(seconds: u64) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/slow-news", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        let Ok((mut stream, _)) = listener.accept() else {
            return;
        };
        let mut reader = BufReader::new(stream.try_clone().unwrap());
        let mut line = String::new();
        while reader.read_line(&mut line).is_ok() && line.trim() != "" {
            line.clear();
        }
        let body = "<html><head><title>Slow news from the grid</title></head><body><article>\
            <p>The slow page finally says that wind turbines outran coal plants last year.</p>\
            <p>It took the server a long time to say so, one piece at a time.</p></article></body></html>";
        let _ = write!(
            stream,
            "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {}\r\n\r\n",
            body.len()
        );
        for piece in body.as_bytes().chunks(body.len().div_ceil(10)) {
            std::thread::sleep(Duration::from_millis(seconds * 100));
            if stream
                .write_all(piece)
                .and_then(|_| stream.flush())
                .is_err()
            {
                return;
            }
        }
    });
    url
}

/// The sidebar's entry of a source (the sidebar redraws when the library
/// changes, so an entry found a moment ago may be gone: then none).
fn source_in_sidebar(app: &App, title: &str) -> Option<crate::webdriver::Element> {
    app.find_all("#sources li")
        .into_iter()
        .find(|li| app.try_text(li).is_some_and(|t| t.contains(title)))
}

#[test]
fn search_and_the_reader_work_while_a_slow_page_imports() {
    let tmp = tempfile::tempdir().unwrap();
    let library = tmp.path().join("library");
    {
        let lib = library::Library::open(&library, library::Config::default()).unwrap();
        for (title, text, quote) in [
            (
                "Alibaba fined",
                "China's market regulator fined Alibaba a record 18.2 billion yuan, saying it abused its dominant position.",
                "abused its dominant position",
            ),
            (
                "Wind report",
                "Offshore turbines doubled their output while costs fell by half.",
                "doubled their output",
            ),
        ] {
            let source = lib
                .add_source(library::NewSource {
                    text: text.into(),
                    markdown: false,
                    meta: model::SourceMeta {
                        title: title.into(),
                        ..Default::default()
                    },
                })
                .unwrap();
            lib.create_clip(library::NewClip {
                source_id: source.id.to_string(),
                quote: Some(quote.into()),
                ..Default::default()
            })
            .unwrap();
        }
    }
    // The first search the app runs panics inside the library.
    let app = App::launch_with(&library, &[("COMMONPLACE_PANIC", "search:1")]);
    app.wait_text("#clip-count", |t| t == "1 clip");

    let search = app.find("#search");
    app.type_into(&search, "d");
    app.wait_text("#status", |t| {
        t.contains("internal error while running “search”")
    });
    app.type_into(&search, "ominant");
    app.wait_text("#results-head", |t| t.ends_with("“dominant”"));
    assert_eq!(
        app.find_all("#results .hit").len(),
        1,
        "the next keystroke searched"
    );
    app.press(&["\u{E00C}"]); // Escape leaves the search.

    // Paste a web address into the window: its import takes five seconds.
    let url = trickling_page(5);
    app.set_clipboard(&url);
    app.click(&app.find("#reader-title"));
    app.chord(&[CONTROL, "v"]);
    let pasted = Instant::now();
    app.wait_text("#status", |t| t.contains("Fetching"));

    // Meanwhile: a search, and another source opened from the sidebar.
    app.click(&app.find("#search"));
    app.type_into(&app.find("#search"), "turbines");
    app.wait_text("#results-head", |t| t.ends_with("“turbines”"));
    let searched = pasted.elapsed();
    app.press(&["\u{E00C}"]);
    let wind = app.wait_for("Wind report in the sidebar", || {
        source_in_sidebar(&app, "Wind report")
    });
    app.click(&wind);
    app.wait_text("#reader-title", |t| t == "Wind report");
    let opened = pasted.elapsed();
    assert!(
        searched < Duration::from_secs(4) && opened < Duration::from_secs(4),
        "search ({searched:?}) and the reader ({opened:?}) waited for the import"
    );

    // The import ends on its own, and the sidebar shows the new source without
    // a refresh (the change event).
    app.wait_for("the imported source in the sidebar", || {
        source_in_sidebar(&app, "Slow news from the grid")
    });
    app.screenshot("concurrent-import");
}
