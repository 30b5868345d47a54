//! Importing by web address, against a small HTTP server on the loopback address
//! that this test runs itself: pages, redirects, errors and a paywall.

use crate::open;
use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;

/// Serves canned answers until the test ends; returns the base address.
fn serve() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming().take(64) {
            let Ok(mut stream) = stream else { continue };
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut request = String::new();
            if reader.read_line(&mut request).is_err() {
                continue;
            }
            let mut line = String::new();
            while reader.read_line(&mut line).is_ok() && line.trim() != "" {
                line.clear();
            }
            let path = request.split_whitespace().nth(1).unwrap_or("/").to_owned();
            let article = "<html><head><title>Grid news</title><meta property=\"og:site_name\" content=\"Grid Daily\"></head><body><article>\
                <p>Wind turbines generated more electricity than coal plants last year, the operator said, a first for the grid.</p>\
                <p>Offshore farms reached full output as three coal stations closed down for good in the spring.</p></article></body></html>";
            let paywall = "<html><head><title>Locked</title></head><body><article><p>Subscribe to continue reading this story.</p></article></body></html>";
            let gallery = "<html><head><title>Harbour lights, in pictures</title>\
                <meta property=\"og:site_name\" content=\"The Coast Review\"></head>\
                <body><div id=\"app\"></div><script>draw()</script></body></html>";
            let (status, headers, body): (&str, String, Vec<u8>) = match path.as_str() {
                "/article" => (
                    "200 OK",
                    "Content-Type: text/html; charset=utf-8\r\n".into(),
                    article.into(),
                ),
                "/moved" => (
                    "301 Moved Permanently",
                    "Location: /article\r\n".into(),
                    Vec::new(),
                ),
                "/loop" => ("302 Found", "Location: /loop\r\n".into(), Vec::new()),
                "/gone" => (
                    "404 Not Found",
                    "Content-Type: text/html\r\n".into(),
                    b"<p>no</p>".to_vec(),
                ),
                "/members" => (
                    "403 Forbidden",
                    "Content-Type: text/html\r\n".into(),
                    b"<p>no</p>".to_vec(),
                ),
                "/image" => (
                    "200 OK",
                    "Content-Type: image/png\r\n".into(),
                    b"\x89PNG\r\n".to_vec(),
                ),
                "/paywall" => (
                    "200 OK",
                    "Content-Type: text/html\r\n".into(),
                    paywall.into(),
                ),
                "/gallery" => (
                    "200 OK",
                    "Content-Type: text/html\r\n".into(),
                    gallery.into(),
                ),
                "/huge" => (
                    "200 OK",
                    "Content-Type: text/html\r\nContent-Length: 900000000\r\n".into(),
                    Vec::new(),
                ),
                _ => ("500 Internal Server Error", String::new(), Vec::new()),
            };
            let length = if headers.contains("Content-Length") {
                String::new()
            } else {
                format!("Content-Length: {}\r\n", body.len())
            };
            let head = format!("HTTP/1.1 {status}\r\n{headers}{length}Connection: close\r\n\r\n");
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(&body);
        }
    });
    base
}

#[test]
fn a_page_by_address_imports_with_its_final_address_access_date_and_original() {
    let base = serve();
    let dir = tempfile::tempdir().unwrap();
    let lib = open(dir.path());
    let source = lib.import_url(&format!("{base}/moved"), None).unwrap();
    assert_eq!(source.meta.title, "Grid news");
    assert_eq!(source.meta.container_title.as_deref(), Some("Grid Daily"));
    assert_eq!(
        source.meta.url.as_deref(),
        Some(format!("{base}/article").as_str()),
        "the address after redirects"
    );
    assert_eq!(
        source.meta.accessed.unwrap().to_string(),
        "2026-01-01",
        "the access date comes from the library's clock"
    );
    assert_eq!(source.origins["accessed"], "fetch");
    assert!(dir.path().join("blobs").join(source.blob.unwrap()).exists());
}

#[test]
fn a_page_by_address_without_text_keeps_its_metadata_unless_it_is_a_paywall() {
    let base = serve();
    let dir = tempfile::tempdir().unwrap();
    let lib = open(dir.path());
    let source = lib.import_url(&format!("{base}/gallery"), None).unwrap();
    assert_eq!(source.meta.title, "Harbour lights, in pictures");
    assert_eq!(
        source.meta.container_title.as_deref(),
        Some("The Coast Review")
    );
    assert_eq!(
        source.meta.url.as_deref(),
        Some(format!("{base}/gallery").as_str())
    );
    assert!(!lib.source(&source.id).unwrap().has_text);
    let err = lib
        .import_url(&format!("{base}/paywall"), None)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("looks like a paywall"),
        "a wall is said as a wall, not kept as a page without text: {err}"
    );
    assert_eq!(lib.sources().unwrap().len(), 1);
}

#[test]
fn failures_are_said_in_words_a_writer_understands() {
    let base = serve();
    let dir = tempfile::tempdir().unwrap();
    let lib = open(dir.path());
    let check = |path: &str, expect: &str| {
        let err = lib
            .import_url(&format!("{base}{path}"), None)
            .unwrap_err()
            .to_string();
        assert!(err.contains(expect), "{path}: {err}");
    };
    check("/gone", "was not found (404)");
    check(
        "/members",
        "refused access (403): it may need a login or a subscription",
    );
    check("/loop", "redirects too many times");
    check(
        "/image",
        "is not a web page or a PDF (the site says it is image/png)",
    );
    check("/paywall", "looks like a paywall");
    check("/huge", "is larger than");
    let err = lib
        .import_url("http://127.0.0.1:1/nothing", None)
        .unwrap_err()
        .to_string();
    assert!(err.contains("could not connect"), "{err}");
    let err = lib
        .import_url("ftp://example.org/file", None)
        .unwrap_err()
        .to_string();
    assert!(err.contains("is not a web address"), "{err}");
    assert!(lib.sources().unwrap().is_empty(), "nothing half-saved");
}

#[test]
fn a_pasted_quote_with_its_address_joins_the_source_already_saved_there() {
    let base = serve();
    let dir = tempfile::tempdir().unwrap();
    let lib = open(dir.path());
    let page = lib.import_url(&format!("{base}/article"), None).unwrap();
    let url = page.meta.url.clone();
    let clip = lib
        .clip_pasted_quote(library::PastedQuote {
            quote: "Offshore farms reached   full output".into(),
            meta: model::SourceMeta {
                title: "ignored: the source exists".into(),
                url: url.clone(),
                ..Default::default()
            },
        })
        .unwrap();
    assert_eq!(clip.source_id, page.id, "found by its address");
    assert_eq!(clip.quote.exact, "Offshore farms reached full output");
    let other = lib
        .clip_pasted_quote(library::PastedQuote {
            quote: "A sentence from a book that is not saved.".into(),
            meta: model::SourceMeta {
                title: "A Book".into(),
                ..Default::default()
            },
        })
        .unwrap();
    let view = lib.source(&other.source_id).unwrap();
    assert_eq!(view.source.kind, model::SourceKind::Excerpts);
    assert_eq!(view.clips.len(), 1);
}

/// A PDF served as a generic download is recognised by its bytes and goes to the
/// PDF reader (here a stand-in reader that crashes, which proves the route and
/// that a crash costs only this import).
#[test]
fn a_pdf_by_address_is_known_by_its_bytes_and_read_in_a_child_process() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        if let Some(Ok(mut stream)) = listener.incoming().next() {
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut line = String::new();
            while reader.read_line(&mut line).is_ok() && line != "\r\n" {
                line.clear();
            }
            let body = b"%PDF-1.4\n% a report\n";
            let head = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                body.len()
            );
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(body);
        }
    });
    let dir = tempfile::tempdir().unwrap();
    let mut config = crate::test_config();
    config.pdf_worker = Some(library::pdf::PdfWorker {
        program: "/bin/sh".into(),
        args: vec!["-c".into(), "cat > /dev/null; kill -SEGV $$".into()],
        time_limit: std::time::Duration::from_secs(10),
    });
    let lib = library::Library::open(dir.path(), config).unwrap();
    let err = lib
        .import_url(&format!("{base}/download?id=7"), None)
        .unwrap_err();
    assert_eq!(err.code(), library::ErrorCode::ParserCrashed);
    let err = err.to_string();
    assert!(err.contains("the reader of this file crashed"), "{err}");
    assert!(lib.sources().unwrap().is_empty());
}
