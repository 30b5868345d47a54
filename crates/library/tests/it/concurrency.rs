//! The library never makes the writer wait (issue 12): reads run beside a slow
//! write, writes report what they changed, a panic costs one call, and errors
//! say what happened by kind.

use super::{add_article, test_config};
use library::{Changes, Config, ErrorCode, Library, NewClip};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// A page served a few bytes at a time over `seconds`: a slow site.
fn trickling_server(seconds: u64) -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/slow", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        let Ok((mut stream, _)) = listener.accept() else {
            return;
        };
        let mut reader = BufReader::new(stream.try_clone().unwrap());
        let mut line = String::new();
        while reader.read_line(&mut line).is_ok() && line.trim() != "" {
            line.clear();
        }
        let body = "<html><head><title>Slow news</title></head><body><article>\
            <p>The slow page finally says that wind turbines outran coal plants last year.</p>\
            <p>It took the server a long time to say so, one piece at a time.</p></article></body></html>";
        let _ = write!(
            stream,
            "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: {}\r\n\r\n",
            body.len()
        );
        let pieces = 20;
        let chunk = body.len().div_ceil(pieces);
        for piece in body.as_bytes().chunks(chunk) {
            std::thread::sleep(Duration::from_millis(seconds * 1000 / pieces as u64));
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

#[test]
fn searches_answer_while_a_slow_import_runs() {
    let dir = tempfile::tempdir().unwrap();
    let lib = Arc::new(Library::open(dir.path(), test_config()).unwrap());
    let source = add_article(&lib);
    for quote in ["fined Alibaba", "record 18.2 billion", "dominant position"] {
        lib.create_clip(NewClip {
            source_id: source.id.to_string(),
            quote: Some(quote.into()),
            ..NewClip::default()
        })
        .unwrap();
    }
    let url = trickling_server(5);
    let done = Arc::new(AtomicBool::new(false));
    let importer = {
        let (lib, done) = (lib.clone(), done.clone());
        std::thread::spawn(move || {
            let result = lib.import_url(&url, None);
            done.store(true, Ordering::SeqCst);
            result
        })
    };
    // Searches, the reader's source, claims and an export, while the import
    // downloads: each must finish while the import is still running.
    std::thread::sleep(Duration::from_millis(300));
    let mut answered_during = 0;
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(3) {
        let hits = lib.search("dominant", 20).unwrap();
        assert_eq!(hits.total, 1);
        lib.source(&source.id).unwrap();
        lib.claims().unwrap();
        lib.sources().unwrap();
        assert!(
            !done.load(Ordering::SeqCst),
            "the import finished too early for this test to mean anything"
        );
        answered_during += 1;
    }
    assert!(
        answered_during > 20,
        "only {answered_during} rounds of reads"
    );
    // A write waits only for the writer's turn, which the download does not hold.
    let clip = lib
        .create_clip(NewClip {
            source_id: source.id.to_string(),
            quote: Some("cloud of uncertainty".into()),
            ..NewClip::default()
        })
        .unwrap();
    assert!(
        !done.load(Ordering::SeqCst),
        "a write waited for the download"
    );
    let imported = importer.join().unwrap().unwrap();
    assert_eq!(imported.meta.title, "Slow news");
    assert_eq!(lib.search("outran", 5).unwrap().passages.len(), 1);
    assert_eq!(
        lib.clip(&clip.id).unwrap().clip.quote.exact,
        "cloud of uncertainty"
    );
    assert!(lib.health().unwrap().is_ok());
}

#[test]
fn every_write_reports_what_it_changed() {
    let dir = tempfile::tempdir().unwrap();
    let heard: Arc<Mutex<Vec<Changes>>> = Default::default();
    let sink = heard.clone();
    let config = Config {
        on_change: Some(Arc::new(move |c: &Changes| {
            sink.lock().unwrap().push(c.clone())
        })),
        ..test_config()
    };
    let lib = Library::open(dir.path(), config).unwrap();
    let source = add_article(&lib);
    let last = || heard.lock().unwrap().last().cloned().unwrap();
    assert_eq!(last().sources, vec![source.id.clone()]);
    let clip = lib
        .create_clip(NewClip {
            source_id: source.id.to_string(),
            quote: Some("fined Alibaba".into()),
            tags: vec!["antitrust".into()],
            ..NewClip::default()
        })
        .unwrap();
    assert_eq!(last().clips, vec![clip.id.clone()]);
    assert!(last().tags);
    let claim = lib
        .create_claim(library::NewClaim {
            statement: "Beijing reins in its platforms".into(),
            note: String::new(),
        })
        .unwrap();
    assert_eq!(last().claims, vec![claim.id.clone()]);
    lib.link_clip(&clip.id, &claim.id, model::Stance::Supports)
        .unwrap();
    assert_eq!(
        (last().clips, last().claims),
        (vec![clip.id.clone()], vec![claim.id.clone()])
    );
    lib.delete_clip(&clip.id).unwrap();
    assert_eq!(last().clips, vec![clip.id.clone()]);
    assert!(last().claims.contains(&claim.id), "the claim lost evidence");
    // Reads report nothing.
    let before = heard.lock().unwrap().len();
    lib.search("Alibaba", 10).unwrap();
    lib.export(
        &library::ExportTarget::Source {
            id: source.id.clone(),
        },
        &library::ExportOptions::default(),
    )
    .unwrap();
    assert_eq!(heard.lock().unwrap().len(), before);
}

/// The panic test runs in a child process: `COMMONPLACE_PANIC` is read once per
/// process.
#[test]
fn a_panic_costs_one_call_and_the_library_goes_on() {
    if std::env::var_os("PANIC_CHILD").is_some() {
        return panic_child();
    }
    let out = std::process::Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "concurrency::a_panic_costs_one_call_and_the_library_goes_on",
            "--nocapture",
        ])
        .env("PANIC_CHILD", "1")
        .env("COMMONPLACE_PANIC", "write:3")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success() && stdout.contains("1 passed"),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn panic_child() {
    let dir = tempfile::tempdir().unwrap();
    let lib = Library::open(dir.path(), test_config()).unwrap();
    // The first write (the source) and the second pass; the third panics.
    let source = add_article(&lib);
    let clip = |quote: &str| {
        library::guarded("create_clip", || {
            lib.create_clip(NewClip {
                source_id: source.id.to_string(),
                quote: Some(quote.into()),
                ..NewClip::default()
            })
        })
    };
    clip("fined Alibaba").unwrap();
    let err = clip("record 18.2 billion").unwrap_err();
    assert_eq!(err.code(), ErrorCode::Internal);
    assert!(
        err.to_string()
            .contains("internal error while running “create clip”"),
        "{err}"
    );
    // Nothing half-done was left, and everything goes on.
    assert_eq!(lib.search("billion", 10).unwrap().total, 0);
    clip("record 18.2 billion").unwrap();
    assert_eq!(lib.search("billion", 10).unwrap().total, 1);
    assert!(lib.health().unwrap().is_ok());
}

/// A server that accepts connections and never answers.
fn silent_server() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        let mut held = Vec::new();
        for stream in listener.incoming().take(4).flatten() {
            let mut buf = [0u8; 512];
            let mut s = stream;
            let _ = s.read(&mut buf);
            held.push(s);
        }
        std::thread::sleep(Duration::from_secs(30));
    });
    url
}

/// A server that answers whatever it gets with a plain HTTP error.
fn plain_http_server() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for mut stream in listener.incoming().take(4).flatten() {
            let mut buf = [0u8; 512];
            let _ = stream.read(&mut buf);
            let _ = stream.write_all(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n");
        }
    });
    url
}

#[test]
fn network_failures_come_with_their_kind() {
    let dir = tempfile::tempdir().unwrap();
    let config = Config {
        fetch_timeout: Duration::from_secs(1),
        ..test_config()
    };
    let lib = Library::open(dir.path(), config).unwrap();
    let code = |url: &str| lib.import_url(url, None).unwrap_err().code();
    // A port nothing listens on.
    let closed = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = closed.local_addr().unwrap().port();
    drop(closed);
    assert_eq!(
        code(&format!("http://127.0.0.1:{port}/")),
        ErrorCode::NetworkRefused
    );
    // RFC 6761: `.invalid` never resolves.
    assert_eq!(code("http://no-such-host.invalid/"), ErrorCode::NetworkDns);
    assert_eq!(code(&silent_server()), ErrorCode::NetworkTimeout);
    // TLS spoken to a server that answers plain HTTP: the handshake fails.
    let plain = plain_http_server().replace("http://", "https://");
    assert_eq!(code(&plain), ErrorCode::NetworkTls);
    assert!(lib.sources().unwrap().is_empty(), "nothing was saved");
}
