//! Captures from the browser: a page and its selection become a source and a
//! clip through the web-page importer; the same address joins its source; a
//! selection outside the readable text is kept; hostile messages save nothing.

use crate::{open, test_config};
use library::browser::{self, Request};
use library::{CapturePlacement, CapturedPage, CapturedSelection, Changes, Library, NewCapture};
use model::{SourceKind, SourceText};
use std::sync::{Arc, Mutex};

const P1: &str = "Regulators in Brussels fined the search company 2.4 billion euros on Tuesday for favouring its own shopping service in results shown to millions of people.";
const P2: &str = "The decision followed a seven-year antitrust investigation that examined how results were ranked and how rival comparison sites lost their traffic.";
const P3: &str = "The company said it would appeal, arguing that shoppers had benefited from its design and that the market for online retail remained open to competitors.";
const P4: &str = "Analysts said the fine was small compared with the company's cash reserves, but that the remedies could reshape online retail across the continent for years.";
const URL: &str = "https://ledger.example.com/eu-fine";

fn page_html(paragraphs: &[&str], extra: &str) -> String {
    let body: String = paragraphs.iter().map(|p| format!("<p>{p}</p>\n")).collect();
    format!(
        r#"<!DOCTYPE html><html><head><title>EU fines search giant | Ledger</title>
<meta property="og:title" content="EU fines search giant">
<meta property="og:site_name" content="The Ledger">
<meta name="author" content="Maria Lindqvist">
<meta property="article:published_time" content="2017-06-27">
{extra}</head><body><nav>Home · World</nav><article><h1>EU fines search giant</h1>{body}</article>
<aside><figure><figcaption>SIDEBAR caption: a shopping results page in 2017</figcaption></figure></aside></body></html>"#
    )
}

fn capture(url: &str, html: String, exact: Option<&str>) -> NewCapture {
    NewCapture {
        page: CapturedPage {
            url: url.into(),
            canonical_url: None,
            title: "EU fines search giant | Ledger".into(),
            html,
        },
        selection: exact.map(|e| CapturedSelection {
            exact: e.into(),
            prefix: String::new(),
            suffix: String::new(),
            start: 100,
            end: 100 + e.chars().count() as u32,
        }),
    }
}

fn with_changes(dir: &std::path::Path) -> (Library, Arc<Mutex<Vec<Changes>>>) {
    let heard = Arc::new(Mutex::new(Vec::new()));
    let sink = heard.clone();
    let config = library::Config {
        on_change: Some(Arc::new(move |c: &Changes| {
            sink.lock().unwrap().push(c.clone())
        })),
        ..test_config()
    };
    (Library::open(dir, config).unwrap(), heard)
}

#[test]
fn a_selection_becomes_a_clip_in_a_web_source_with_its_metadata_and_a_change_event() {
    let dir = tempfile::tempdir().unwrap();
    let (lib, heard) = with_changes(dir.path());
    let quote = "a seven-year antitrust investigation";
    let view = lib
        .capture(capture(URL, page_html(&[P1, P2, P3, P4], ""), Some(quote)))
        .unwrap();
    assert_eq!(view.placement, CapturePlacement::Exact);
    assert_eq!(view.exact.as_deref(), Some(quote));
    assert!(view.new_source && !view.seen);
    let source = lib.source(&view.source_id).unwrap().source;
    assert_eq!(source.kind, SourceKind::Web);
    assert_eq!(source.meta.title, "EU fines search giant");
    assert_eq!(source.meta.container_title.as_deref(), Some("The Ledger"));
    assert_eq!(source.meta.url.as_deref(), Some(URL));
    assert_eq!(
        source.meta.accessed.unwrap().to_string(),
        "2026-01-01",
        "the access date is the capture's day"
    );
    assert!(source.blob.is_some(), "the snapshot is kept as a blob");
    let text = SourceText::new(&source.blocks);
    let clip = lib.clip(view.clip_id.as_ref().unwrap()).unwrap().clip;
    assert_eq!(
        text.slice(clip.position.start as usize, clip.position.end as usize),
        Some(quote),
        "the clip's offsets point at the quote in the source's text"
    );
    assert!(clip.quote.prefix.ends_with("The decision followed "));
    let last = heard.lock().unwrap().last().cloned().unwrap();
    assert!(last.captures && last.sources.contains(&source.id) && last.clips.contains(&clip.id));
    assert_eq!(lib.overview().unwrap().new_captures, 1);
    lib.mark_captures_seen(std::slice::from_ref(&view.id))
        .unwrap();
    assert_eq!(lib.overview().unwrap().new_captures, 0);
    assert!(
        lib.search("\"seven-year antitrust\"", 5).unwrap().total >= 1,
        "the clip is searchable"
    );
}

#[test]
fn the_same_address_joins_its_source_and_a_changed_text_becomes_a_new_version() {
    let dir = tempfile::tempdir().unwrap();
    let lib = open(dir.path());
    let first = lib
        .capture(capture(
            URL,
            page_html(&[P1, P2, P3, P4], ""),
            Some("seven-year antitrust investigation"),
        ))
        .unwrap();
    let again = lib
        .capture(capture(
            URL,
            page_html(&[P1, P2, P3, P4], ""),
            Some("it would appeal"),
        ))
        .unwrap();
    assert_eq!(
        again.source_id, first.source_id,
        "the same address is the same source"
    );
    assert!(
        !again.new_source && again.new_version.is_none(),
        "an unchanged text is no new version"
    );
    let changed = P2.replace("seven-year", "seven-year-long");
    let third = lib
        .capture(capture(URL, page_html(&[P1, &changed, P3, P4], ""), None))
        .unwrap();
    assert_eq!(third.source_id, first.source_id);
    assert_eq!(
        third.new_version,
        Some(1),
        "the earlier text is kept as version 1"
    );
    assert_eq!(third.placement, CapturePlacement::Page);
    let view = lib.source(&first.source_id).unwrap();
    assert_eq!(view.clips.len(), 2, "no clip lost by the new version");
    assert!(
        view.orphaned.is_empty(),
        "both clips were placed again: {:?}",
        view.orphaned
    );
    assert_eq!(lib.sources().unwrap().len(), 1);
}

#[test]
fn a_selection_outside_the_readable_text_is_kept_and_shown_apart() {
    let dir = tempfile::tempdir().unwrap();
    let lib = open(dir.path());
    let caption = "a shopping results page in 2017";
    let view = lib
        .capture(capture(
            URL,
            page_html(&[P1, P2, P3, P4], ""),
            Some(caption),
        ))
        .unwrap();
    assert_eq!(view.placement, CapturePlacement::Outside);
    assert_eq!(
        view.exact.as_deref(),
        Some(caption),
        "the writer's selection is saved word for word"
    );
    let source = lib.source(&view.source_id).unwrap();
    assert_eq!(
        source.orphaned,
        vec![view.clip_id.clone().unwrap()],
        "listed apart, not dropped"
    );
}

#[test]
fn whitespace_and_small_differences_between_page_and_text_still_place_the_selection() {
    let dir = tempfile::tempdir().unwrap();
    let lib = open(dir.path());
    // A selection across two paragraphs, as a browser renders it (one line break).
    let across = "competitors.\nAnalysts said the fine was small";
    let view = lib
        .capture(capture(URL, page_html(&[P1, P2, P3, P4], ""), Some(across)))
        .unwrap();
    assert_eq!(view.placement, CapturePlacement::Exact);
    assert_eq!(
        view.exact.as_deref(),
        Some("competitors.\n\nAnalysts said the fine was small")
    );
    // Curly quotes in the page, straight ones in the selection: approximately.
    let view = lib
        .capture(capture(
            URL,
            page_html(&[P1, P2, P3, P4], ""),
            Some("compared with the company’s cash reserves"),
        ))
        .unwrap();
    assert_eq!(view.placement, CapturePlacement::Approximate);
    assert_eq!(
        view.exact.as_deref(),
        Some("compared with the company's cash reserves")
    );
}

#[test]
fn a_page_that_cannot_be_read_keeps_the_selection_as_an_excerpt() {
    let dir = tempfile::tempdir().unwrap();
    let lib = open(dir.path());
    let view = lib
        .capture(capture(
            URL,
            String::new(),
            Some("the only thing that matters"),
        ))
        .unwrap();
    let source = lib.source(&view.source_id).unwrap().source;
    assert_eq!(source.kind, SourceKind::Excerpts);
    assert_eq!(view.placement, CapturePlacement::Exact);
    assert_eq!(
        source.meta.title, "EU fines search giant | Ledger",
        "the tab's title stands in"
    );
    // Without a selection there is nothing to keep: a clear error, nothing saved.
    let err = lib
        .capture(capture("https://other.example/x", String::new(), None))
        .unwrap_err();
    assert_eq!(err.code(), library::ErrorCode::InvalidInput);
    assert_eq!(lib.recent_captures(10).unwrap().len(), 1);
}

#[test]
fn a_page_cannot_claim_another_sites_address() {
    let dir = tempfile::tempdir().unwrap();
    let lib = open(dir.path());
    let real = lib
        .capture(capture(URL, page_html(&[P1, P2, P3, P4], ""), None))
        .unwrap();
    let spoof =
        format!(r#"<meta property="og:url" content="{URL}"><link rel="canonical" href="{URL}">"#);
    let evil = lib
        .capture(capture(
            "https://evil.example/copy",
            page_html(&[P4, P3, P2, P1], &spoof),
            None,
        ))
        .unwrap();
    assert_ne!(
        evil.source_id, real.source_id,
        "a page on another site does not join or overwrite this source"
    );
    let evil_source = lib.source(&evil.source_id).unwrap().source;
    assert_eq!(
        evil_source.meta.url.as_deref(),
        Some("https://evil.example/copy")
    );
    assert_eq!(
        evil_source.meta.canonical_url, None,
        "a canonical address on another site is dropped"
    );
    for bad in [
        "javascript:alert(1)",
        "file:///etc/passwd",
        "https://x.example/\u{1b}[2J",
    ] {
        let err = lib
            .capture(capture(bad, page_html(&[P1, P2], ""), Some("x")))
            .unwrap_err();
        assert_eq!(err.code(), library::ErrorCode::InvalidInput, "{bad}");
    }
    assert_eq!(lib.recent_captures(10).unwrap().len(), 2);
}

#[test]
fn notes_tags_a_claim_and_undo_from_the_popup() {
    let dir = tempfile::tempdir().unwrap();
    let lib = open(dir.path());
    let answer = |json: serde_json::Value| -> serde_json::Value {
        serde_json::from_slice(&browser::answer(&lib, json.to_string().as_bytes())).unwrap()
    };
    let html = page_html(&[P1, P2, P3, P4], "");
    let saved = answer(serde_json::json!({"v": 1, "type": "capture",
        "page": {"url": URL, "title": "t", "html": html},
        "selection": {"exact": "it would appeal", "prefix": "The company said ", "suffix": ", arguing", "start": 5, "end": 20}}));
    assert_eq!(saved["ok"], true, "{saved}");
    let id = saved["result"]["id"].as_str().unwrap().to_owned();
    let annotated = answer(
        serde_json::json!({"v": 1, "type": "annotate", "captureId": id,
        "note": "  the appeal  ", "tags": ["antitrust", " EU "],
        "claim": {"statement": "Fines rarely change behaviour", "stance": "contradicts"}}),
    );
    assert_eq!(annotated["ok"], true, "{annotated}");
    assert_eq!(annotated["result"]["note"], "the appeal");
    assert_eq!(
        annotated["result"]["tags"],
        serde_json::json!(["EU", "antitrust"])
    );
    assert_eq!(annotated["result"]["claims"][0]["stance"], "contradicts");
    let found = answer(serde_json::json!({"v": 1, "type": "claims", "query": "fines beh"}));
    assert_eq!(
        found["result"][0]["statement"], "Fines rarely change behaviour",
        "type-ahead over the claims"
    );
    let undone = answer(serde_json::json!({"v": 1, "type": "undo", "captureId": id}));
    assert_eq!(undone["ok"], true, "{undone}");
    assert!(
        lib.sources().unwrap().is_empty(),
        "the source the capture made goes with it"
    );
    assert!(lib.recent_captures(10).unwrap().is_empty());
    assert_eq!(
        lib.claims().unwrap().len(),
        1,
        "the claim the writer wrote stays"
    );
}

#[test]
fn malformed_and_oversized_messages_save_nothing_and_say_why() {
    let dir = tempfile::tempdir().unwrap();
    let lib = open(dir.path());
    let cases: [(&[u8], &str); 4] = [
        (b"{\"v\":1,\"type\":\"capture\",\"page\":{\"url\":\"https://a.example/\",\"html\":\"<p>x</p>\",\"onload\":\"x\"}}", "invalidInput"),
        (b"not json at all", "invalidInput"),
        (b"{\"v\":1,\"type\":\"capture\",\"page\":{\"url\":\"https://a.example/\"}}", "invalidInput"),
        (b"{\"v\":1,\"type\":\"capture\",\"page\":{\"url\":\"ftp://a.example/\",\"html\":\"<p>x</p>\"}}", "invalidInput"),
    ];
    for (bytes, code) in cases {
        let reply: serde_json::Value =
            serde_json::from_slice(&browser::answer(&lib, bytes)).unwrap();
        assert_eq!(reply["ok"], false);
        assert_eq!(reply["error"]["code"], code, "{reply}");
        assert!(!reply["error"]["message"].as_str().unwrap().is_empty());
    }
    let huge = vec![b' '; browser::MAX_MESSAGE_BYTES + 1];
    let reply: serde_json::Value = serde_json::from_slice(&browser::answer(&lib, &huge)).unwrap();
    assert_eq!(reply["error"]["code"], "tooLarge");
    assert!(matches!(
        browser::parse(br#"{"v":1,"type":"ping"}"#),
        Ok(Request::Ping)
    ));
    assert!(lib.sources().unwrap().is_empty() && lib.recent_captures(10).unwrap().is_empty());
}

#[test]
fn host_manifests_name_exactly_our_extensions() {
    use library::browser::manifests::{install, uninstall, BrowserDirs};
    let dir = tempfile::tempdir().unwrap();
    let dirs = BrowserDirs {
        config: dir.path().join("config"),
        home: dir.path().join("home"),
    };
    let host = dir.path().join("commonplace");
    std::fs::write(&host, "").unwrap();
    let written = install(&host, &dirs).unwrap();
    assert_eq!(written.len(), 3);
    let read = |p: &str| -> serde_json::Value {
        serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap()
    };
    let chromium = read(
        &dir.path()
            .join("config/chromium/NativeMessagingHosts/app.commonplace.host.json")
            .display()
            .to_string(),
    );
    assert_eq!(
        chromium["allowed_origins"],
        serde_json::json!([format!(
            "chrome-extension://{}/",
            browser::CHROME_EXTENSION_ID
        )])
    );
    assert_eq!(chromium["path"], host.display().to_string());
    assert_eq!(chromium["type"], "stdio");
    let firefox = read(
        &dir.path()
            .join("home/.mozilla/native-messaging-hosts/app.commonplace.host.json")
            .display()
            .to_string(),
    );
    assert_eq!(
        firefox["allowed_extensions"],
        serde_json::json!([browser::FIREFOX_EXTENSION_ID])
    );
    for m in &written {
        assert!(
            !std::fs::read_to_string(&m.path).unwrap().contains('*'),
            "no wildcard in {}",
            m.path
        );
    }
    assert_eq!(uninstall(&dirs).unwrap().len(), 3);
    assert!(uninstall(&dirs).unwrap().is_empty());
    assert!(install(std::path::Path::new("relative/commonplace"), &dirs).is_err());
}

/// The ids the host accepts are the ones the extension's manifest gives it:
/// Chromium derives its id from the public key (the first 32 hex digits of
/// its SHA-256, written with the letters a to p).
#[test]
fn the_host_knows_the_extensions_real_ids() {
    let manifest: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../../extension/src/manifest.json"
        ))
        .unwrap(),
    )
    .unwrap();
    let key = manifest["key"].as_str().unwrap();
    let der = base64_decode(key);
    let hash = store::bytes_hash(&der);
    let id: String = hash[..32]
        .chars()
        .map(|c| (b'a' + c.to_digit(16).unwrap() as u8) as char)
        .collect();
    assert_eq!(id, browser::CHROME_EXTENSION_ID);
    assert_eq!(
        manifest["browser_specific_settings"]["gecko"]["id"],
        browser::FIREFOX_EXTENSION_ID
    );
    let permissions: Vec<&str> = manifest["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap())
        .collect();
    assert_eq!(
        permissions,
        [
            "activeTab",
            "scripting",
            "nativeMessaging",
            "contextMenus",
            "storage"
        ]
    );
    assert!(
        manifest.get("host_permissions").is_none(),
        "no host permissions"
    );
}

fn base64_decode(s: &str) -> Vec<u8> {
    let value = |c: u8| match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        b'+' => 62,
        _ => 63,
    };
    let digits: Vec<u8> = s.bytes().filter(|&c| c != b'=').map(value).collect();
    let mut out = Vec::new();
    for chunk in digits.chunks(4) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &d)| n | (d as u32) << (18 - 6 * i));
        out.extend_from_slice(&n.to_be_bytes()[1..chunk.len()]);
    }
    out
}
