//! `commonplace verify DRAFT`: the JSON scripts rely on, the exit code that
//! gates publishing, the report for people, and named errors for drafts that
//! cannot be read.

use crate::{commonplace, fails, ok};
use serde_json::Value;
use std::path::Path;

const REUTERS: &str =
    "Officials said on Tuesday that the company would not cut prices before 2025.\n\n\
Sales of cars fell 3.5% in March, the worst month since 2009.";
const ECONOMIST: &str = "Markets adjust slowly, and investors rarely notice until it is too late.";

/// A library of two sources (a Reuters story and an Economist column).
fn library(dir: &Path) -> std::path::PathBuf {
    let lib = dir.join("lib");
    for (name, text, title, site, url) in [
        (
            "reuters.txt",
            REUTERS,
            "China's Economy",
            "Reuters",
            "https://www.reuters.com/world/china-economy/",
        ),
        (
            "economist.txt",
            ECONOMIST,
            "Markets \u{1b}[2JAdjust",
            "The Economist",
            "https://www.economist.com/markets-adjust",
        ),
    ] {
        let file = dir.join(name);
        std::fs::write(&file, text).unwrap();
        ok(commonplace(&lib)
            .args(["source", "add"])
            .arg(&file)
            .args(["--title", title, "--site", site, "--url", url]));
    }
    lib
}

fn run(lib: &Path, draft: &Path, json: bool) -> (i32, String, String) {
    let mut cmd = commonplace(lib);
    cmd.arg("verify").arg(draft);
    if json {
        cmd.arg("--json");
    }
    let out = cmd.output().expect("the binary runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

const DRAFT: &str = "# Notes\n\n\
“Officials said on Tuesday that the company would not cut prices before 2025,” Reuters reported.\n\n\
“Sales of cars fell 4.5% in March,” Reuters said.\n\n\
[“Markets adjust slowly, and investors rarely notice until it is too late”](https://www.reuters.com/world/china-economy/) is often repeated.\n\n\
“This sentence appears in no source at all, anywhere,” she said.\n\n\
Some so-called “experts” disagree.\n";

#[test]
fn json_has_the_quotes_and_summary_and_the_exit_code_gates_publishing() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = library(tmp.path());
    let draft = tmp.path().join("draft.md");
    std::fs::write(&draft, DRAFT).unwrap();
    let (code, stdout, stderr) = run(&lib, &draft, true);
    assert_eq!(
        code, 1,
        "an altered, a missing and a misattributed quote fail the check: {stderr}"
    );
    let report: Value = serde_json::from_str(&stdout).expect("JSON on stdout");
    let top: Vec<&str> = report
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    assert_eq!(top, ["quotes", "summary"], "the issue's contract");
    let quotes = report["quotes"].as_array().unwrap();
    for q in quotes {
        for field in [
            "text",
            "start",
            "end",
            "verdict",
            "flags",
            "sourceId",
            "clipId",
            "cited",
            "diff",
            "suggestion",
        ] {
            assert!(q.get(field).is_some(), "every quote has {field}: {q}");
        }
    }
    let verdicts: Vec<&str> = quotes
        .iter()
        .map(|q| q["verdict"].as_str().unwrap())
        .collect();
    assert_eq!(
        verdicts,
        [
            "verified",
            "altered",
            "misattributed",
            "not-found",
            "skipped"
        ]
    );
    assert_eq!(
        quotes[1]["suggestion"], "Sales of cars fell 3.5% in March",
        "the source's words to paste"
    );
    assert_eq!(quotes[2]["cited"]["kind"], "url");
    assert_eq!(
        report["summary"],
        serde_json::json!({"quotes": 5, "checked": 4, "verified": 1, "altered": 1,
            "notFound": 1, "misattributed": 1, "skipped": 1, "unattributed": 0, "ok": false})
    );
    // Offsets are characters of the draft's text: for Markdown without markup
    // around a quote, the file's characters after the heading's "# ".
    let text: Vec<char> = DRAFT.chars().collect();
    let (start, end) = (
        quotes[0]["start"].as_u64().unwrap() as usize,
        quotes[0]["end"].as_u64().unwrap() as usize,
    );
    let quoted: String = text[start + 2..end + 2].iter().collect();
    assert_eq!(quoted, quotes[0]["text"].as_str().unwrap());
}

#[test]
fn a_draft_whose_quotes_all_check_out_exits_zero() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = library(tmp.path());
    let draft = tmp.path().join("draft.txt");
    std::fs::write(
        &draft,
        "The Economist put it well: \"Markets adjust slowly, and investors rarely notice until it is too late.\"\n",
    )
    .unwrap();
    let (code, stdout, _) = run(&lib, &draft, false);
    assert_eq!(code, 0, "{stdout}");
    assert!(
        stdout.starts_with(&format!(
            "{}: 1 quote checked (1 verified)",
            draft.display()
        )),
        "{stdout}"
    );
}

#[test]
fn the_report_for_people_names_what_is_wrong_with_no_control_characters() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = library(tmp.path());
    let draft = tmp.path().join("draft.md");
    std::fs::write(&draft, DRAFT).unwrap();
    let (code, stdout, _) = run(&lib, &draft, false);
    assert_eq!(code, 1);
    for expected in [
        "1 verified, 1 altered, 1 not found, 1 misattributed), 1 skipped",
        "line 5: ALTERED",
        "diff: Sales of cars fell [-3.5-]{+4.5+}% in March",
        "the source says: “Sales of cars fell 3.5% in March”",
        "line 7: MISATTRIBUTED",
        "cited: link https://www.reuters.com/world/china-economy/",
        "but found in “Markets ␛[2JAdjust”",
        "line 9: NOT FOUND",
        "line 11: skipped",
    ] {
        assert!(stdout.contains(expected), "{expected:?} in:\n{stdout}");
    }
    assert!(
        !stdout.contains('\u{1b}'),
        "the escape in a source's title reaches the terminal as a picture, not as an escape"
    );
}

#[test]
fn drafts_that_cannot_be_read_are_named() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = library(tmp.path());
    let pdf = tmp.path().join("draft.pdf");
    std::fs::write(&pdf, b"%PDF-1.7\n...").unwrap();
    let out = fails(commonplace(&lib).arg("verify").arg(&pdf));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("draft.pdf is") && stderr.contains("save it as Markdown"),
        "{stderr}"
    );
    let missing = tmp.path().join("nowhere.docx");
    let out = fails(commonplace(&lib).arg("verify").arg(&missing).arg("--json"));
    let error: Value = serde_json::from_slice(&out.stderr).expect("a JSON error");
    assert_eq!(error["code"], "invalidInput");
    assert!(error["message"]
        .as_str()
        .unwrap()
        .contains("there is no such file"));
}
