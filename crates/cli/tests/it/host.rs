//! The native messaging host, run as a browser runs it: the extension's origin
//! as its argument, framed messages on stdin, framed answers on stdout. With no
//! app running it saves into the library itself; an unknown extension, a 100 MB
//! message and a malformed one are refused with a clear error and save nothing.

use crate::{commonplace, json};
use serde_json::{json, Value};
use std::io::{Read, Write};
use std::path::Path;
use std::process::{Command, Stdio};

const CHROME_ORIGIN: &str = "chrome-extension://hcgnllkjlmcheccdfoleflhlhacojocf/";

fn host(lib: &Path, runtime: &Path, origin: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_commonplace"));
    cmd.args(origin)
        .env("COMMONPLACE_LIBRARY", lib)
        .env("XDG_RUNTIME_DIR", runtime)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    cmd
}

fn frame(body: &[u8]) -> Vec<u8> {
    let mut out = (body.len() as u32).to_ne_bytes().to_vec();
    out.extend_from_slice(body);
    out
}

/// Runs the host with `input` on stdin; its answers and whether it succeeded.
fn talk(mut cmd: Command, input: Vec<u8>) -> (Vec<Value>, bool, String) {
    let mut child = cmd.spawn().expect("the host starts");
    let mut stdin = child.stdin.take().unwrap();
    // The host may refuse before reading it all: a broken pipe is fine here.
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let mut stdout = Vec::new();
    child
        .stdout
        .take()
        .unwrap()
        .read_to_end(&mut stdout)
        .unwrap();
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    let status = child.wait().unwrap();
    let _ = writer.join();
    let mut answers = Vec::new();
    let mut rest = &stdout[..];
    while rest.len() >= 4 {
        let len = u32::from_ne_bytes(rest[..4].try_into().unwrap()) as usize;
        assert!(
            len <= 1024 * 1024,
            "an answer over the browser's 1 MiB limit"
        );
        answers.push(serde_json::from_slice(&rest[4..4 + len]).expect("a JSON answer"));
        rest = &rest[4 + len..];
    }
    assert!(rest.is_empty(), "stdout holds framed answers only");
    (answers, status.success(), stderr)
}

fn page() -> Value {
    let paragraphs: String = (0..6)
        .map(|i| format!("<p>Paragraph {i} of the report says that grid storage grew faster than expected across the region in the last quarter.</p>"))
        .collect();
    json!({"v": 1, "type": "capture",
        "page": {"url": "https://ledger.example.com/storage", "title": "Storage grew",
                 "html": format!("<!DOCTYPE html><html><head><title>Storage grew</title></head><body><article><h1>Storage grew</h1>{paragraphs}</article></body></html>")},
        "selection": {"exact": "Paragraph 3 of the report", "prefix": "", "suffix": "", "start": 0, "end": 25}})
}

#[test]
fn with_no_app_running_the_host_saves_into_the_library() {
    let tmp = tempfile::tempdir().unwrap();
    let (lib, runtime) = (tmp.path().join("lib"), tmp.path().join("run"));
    std::fs::create_dir_all(&runtime).unwrap();
    let mut input = frame(page().to_string().as_bytes());
    input.extend(frame(br#"{"v":1,"type":"claims","query":""}"#));
    let (answers, ok, stderr) = talk(host(&lib, &runtime, &[CHROME_ORIGIN]), input);
    assert!(ok, "{stderr}");
    assert_eq!(answers.len(), 2, "one answer per message");
    assert_eq!(answers[0]["ok"], true, "{}", answers[0]);
    assert_eq!(answers[0]["result"]["exact"], "Paragraph 3 of the report");
    assert_eq!(answers[0]["result"]["placement"], "exact");
    assert_eq!(answers[1]["result"], json!([]));
    let captures = json(commonplace(&lib).arg("captures"));
    assert_eq!(captures.as_array().unwrap().len(), 1);
    assert_eq!(
        captures[0]["seen"], false,
        "the app shows it as new at its next start"
    );
    // Firefox starts the host with the manifest's path and the extension's id.
    let (answers, ok, _) = talk(
        host(
            &lib,
            &runtime,
            &[
                "/home/u/.mozilla/native-messaging-hosts/app.commonplace.host.json",
                "clipper@commonplace.app",
            ],
        ),
        frame(br#"{"v":1,"type":"ping"}"#),
    );
    assert!(ok);
    assert_eq!(answers[0]["result"]["app"], "commonplace");
}

#[test]
fn an_unknown_extension_a_100_mb_message_and_a_malformed_one_are_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let (lib, runtime) = (tmp.path().join("lib"), tmp.path().join("run"));
    std::fs::create_dir_all(&runtime).unwrap();
    let body = page().to_string();

    let (answers, ok, stderr) = talk(
        host(
            &lib,
            &runtime,
            &["chrome-extension://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/"],
        ),
        frame(body.as_bytes()),
    );
    assert!(!ok);
    assert_eq!(answers[0]["error"]["code"], "forbidden");
    assert!(
        stderr.contains("is not the Commonplace extension"),
        "{stderr}"
    );

    // 100 MB announced: refused by its length, before a byte of it is read.
    let mut huge = (100u32 * 1024 * 1024).to_ne_bytes().to_vec();
    huge.extend(vec![b'x'; 1024 * 1024]);
    let (answers, ok, _) = talk(host(&lib, &runtime, &[CHROME_ORIGIN]), huge);
    assert!(!ok);
    assert_eq!(answers[0]["error"]["code"], "tooLarge");
    assert!(answers[0]["error"]["message"]
        .as_str()
        .unwrap()
        .contains("100.0 MB"));

    for bad in [
        br#"{"v":1,"type":"capture","page":{"url":"https://a.example/","html":"<p>x</p>","extra":1}}"#.to_vec(),
        b"\xff\xfe not json".to_vec(),
        br#"{"v":7,"type":"ping"}"#.to_vec(),
    ] {
        let (answers, _, _) = talk(host(&lib, &runtime, &[CHROME_ORIGIN]), frame(&bad));
        assert_eq!(answers[0]["ok"], false);
        assert_eq!(answers[0]["error"]["code"], "invalidInput", "{}", answers[0]);
    }
    // A message cut short by a closed pipe.
    let mut cut = (1000u32).to_ne_bytes().to_vec();
    cut.extend_from_slice(b"{\"v\":1");
    let (answers, ok, _) = talk(host(&lib, &runtime, &[CHROME_ORIGIN]), cut);
    assert!(
        !ok && answers[0]["error"]["message"]
            .as_str()
            .unwrap()
            .contains("broke off")
    );

    assert!(
        !lib.join("library.sqlite").exists(),
        "nothing was saved: no refused message even opened the library"
    );
}

#[test]
fn browser_install_writes_manifests_naming_this_program_and_uninstall_removes_them() {
    let tmp = tempfile::tempdir().unwrap();
    let run = |what: &str| {
        let out = Command::new(env!("CARGO_BIN_EXE_commonplace"))
            .args(["browser", what, "--json"])
            .env("HOME", tmp.path().join("home"))
            .env("XDG_CONFIG_HOME", tmp.path().join("config"))
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice::<Value>(&out.stdout).unwrap()
    };
    let installed = run("install");
    let paths: Vec<&str> = installed["installed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths.len(), 3);
    let chromium: Value = serde_json::from_str(
        &std::fs::read_to_string(
            tmp.path()
                .join("config/chromium/NativeMessagingHosts/app.commonplace.host.json"),
        )
        .unwrap(),
    )
    .unwrap();
    let me = Path::new(env!("CARGO_BIN_EXE_commonplace"))
        .canonicalize()
        .unwrap();
    assert_eq!(chromium["path"], me.display().to_string());
    assert_eq!(chromium["allowed_origins"], json!([CHROME_ORIGIN]));
    assert_eq!(run("uninstall")["removed"].as_array().unwrap().len(), 3);
}
