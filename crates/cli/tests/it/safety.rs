//! The command line as issue 11 found it wanting: hostile strings in a
//! terminal, a closed pipe, passage-only matches, a mistyped library, the verbs
//! a writer expects, ids by a unique start, and errors that name the problem.

use super::{commonplace, fails, json, ok};
use std::io::Read;
use std::process::Stdio;

fn add_text(lib: &std::path::Path, dir: &std::path::Path, title: &str, text: &str) -> String {
    let file = dir.join(format!("{}.txt", title.len()));
    std::fs::write(&file, text).unwrap();
    let source = json(
        commonplace(lib)
            .args(["source", "add", "--title", title])
            .arg(&file),
    );
    source["id"].as_str().unwrap().to_owned()
}

/// Issue 11.3: a title holding ESC[2J cleared the screen on `source list`.
#[test]
fn control_characters_from_a_source_never_reach_the_terminal() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    let hostile = "Clear\u{1b}[2J\u{1b}]0;pwned\u{7} screen\u{9b}1m";
    let id = add_text(
        &lib,
        tmp.path(),
        hostile,
        "Plain text to quote.\u{1b}[31m red",
    );
    ok(commonplace(&lib).args(["clip", "add", &id, "--quote", "Plain text"]));
    for args in [
        vec!["source", "list"],
        vec!["source", "show", &id],
        vec!["clip", "list"],
        vec!["search", "plain"],
        vec!["export", "--source", &id],
    ] {
        let out = ok(commonplace(&lib).args(&args));
        let control = out
            .chars()
            .find(|c| c.is_control() && !matches!(c, '\n' | '\t'));
        assert_eq!(
            control, None,
            "{args:?} printed a control character: {out:?}"
        );
    }
    let listed = ok(commonplace(&lib).args(["source", "list"]));
    assert!(listed.contains("Clear␛[2J␛]0;pwned␇ screen"), "{listed}");
    // JSON keeps the text exactly, escaped as JSON escapes it.
    let sources = json(commonplace(&lib).args(["source", "list"]));
    assert_eq!(sources[0]["title"], hostile);
}

/// Issue 11.10: `commonplace --json search x | head -1` panicked on the
/// broken pipe.
#[test]
fn a_closed_pipe_ends_the_command_quietly() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    let long: String = (0..4000)
        .map(|i| format!("Line {i} of the text.\n\n"))
        .collect();
    let id = add_text(&lib, tmp.path(), "Long", &long);
    for i in 0..60 {
        ok(commonplace(&lib).args(["clip", "add", &id, "--quote", &format!("Line {i} of")]));
    }
    for args in [
        vec!["--json", "search", "line"],
        vec!["source", "show", &id],
        vec!["--json", "source", "list"],
    ] {
        let mut child = commonplace(&lib)
            .args(&args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut first = [0u8; 1];
        child
            .stdout
            .as_mut()
            .unwrap()
            .read_exact(&mut first)
            .unwrap();
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
    }
}

/// Issue 11.11: text-mode search said "0 clips match" when source passages did.
#[test]
fn a_search_that_finds_only_passages_says_so() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    add_text(
        &lib,
        tmp.path(),
        "Grid",
        "The grid operator reported curtailment in May.",
    );
    let out = ok(commonplace(&lib).args(["search", "curtailment"]));
    assert!(
        out.starts_with("no clips match “curtailment”, 1 passage of sources does"),
        "{out}"
    );
    assert!(out.contains("**curtailment**"), "{out}");
}

/// Issue 11.12: a mistyped `--library` for a command that reads made a new
/// empty library.
#[test]
fn a_read_never_creates_a_library() {
    let tmp = tempfile::tempdir().unwrap();
    let typo = tmp.path().join("libary");
    for args in [
        vec!["source", "list"],
        vec!["search", "x"],
        vec!["claim", "list"],
    ] {
        let out = fails(commonplace(&typo).args(&args));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("there is no library at"), "{stderr}");
    }
    assert!(!typo.exists(), "nothing was created");
}

/// Issue 11.12 and 11.5: the verbs a writer expects, types and access dates.
#[test]
fn clips_claims_and_sources_can_be_listed_shown_merged_and_deleted() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    let file = tmp.path().join("wsj.txt");
    std::fs::write(&file, "Beijing halted the listing at the last minute.").unwrap();
    let source = json(
        commonplace(&lib)
            .args(["source", "add", "--title", "Ant's IPO is suspended"])
            .args([
                "--author",
                "Wei, Lingling",
                "--site",
                "The Wall Street Journal",
            ])
            .args([
                "--date",
                "2020-11-03",
                "--type",
                "newspaper",
                "--accessed",
                "2024-02-01",
            ])
            .arg(&file),
    );
    assert_eq!(source["meta"]["itemType"], "article-newspaper");
    assert_eq!(source["meta"]["accessed"]["year"], 2024);
    let id = source["id"].as_str().unwrap().to_owned();
    let bad = fails(commonplace(&lib).args(["source", "edit", &id, "--type", "tweet"]));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("`tweet` is not a type of work"));

    // Ids by a unique start.
    let short = &id[..id.len() - 3];
    let clip = json(commonplace(&lib).args([
        "clip",
        "add",
        short,
        "--quote",
        "halted the listing",
        "--tag",
        "ipo",
    ]));
    let clip_id = clip["id"].as_str().unwrap().to_owned();
    let claim = json(commonplace(&lib).args(["claim", "add", "Beijing reins in fintech"]));
    let claim_id = claim["id"].as_str().unwrap().to_owned();
    let other = json(commonplace(&lib).args(["claim", "add", "Fintech is reined in"]));
    let other_id = other["id"].as_str().unwrap().to_owned();
    ok(commonplace(&lib).args([
        "claim",
        "link",
        &clip_id[..clip_id.len() - 2],
        &other_id,
        "--stance",
        "supports",
    ]));

    let listed = json(commonplace(&lib).args(["clip", "list", "--tag", "IPO"]));
    assert_eq!(listed.as_array().unwrap().len(), 1);
    let listed = ok(commonplace(&lib).args(["clip", "list", "--source", short]));
    assert!(listed.contains("halted the listing"), "{listed}");
    assert!(
        json(commonplace(&lib).args(["clip", "list", "--claim", &claim_id]))
            .as_array()
            .unwrap()
            .is_empty()
    );

    ok(commonplace(&lib).args(["claim", "merge", &other_id, &claim_id]));
    let shown = ok(commonplace(&lib).args(["claim", "show", &claim_id]));
    assert!(
        shown.contains("supports:") && shown.contains("halted the listing"),
        "{shown}"
    );
    assert_eq!(
        json(commonplace(&lib).args(["claim", "list"]))
            .as_array()
            .unwrap()
            .len(),
        1
    );

    let exported = ok(commonplace(&lib).args(["export", "--tag", "ipo", "--style", "apa"]));
    assert!(exported.contains("(Wei, 2020, para. 1)"), "{exported}");
    assert!(!exported.contains("In The Wall"), "{exported}");

    let refused = fails(commonplace(&lib).args(["source", "delete", &id]));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("has 1 clip(s)"));
    ok(commonplace(&lib).args(["claim", "delete", &claim_id]));
    ok(commonplace(&lib).args(["source", "delete", &id, "--with-clips"]));
    assert!(json(commonplace(&lib).args(["source", "list"]))
        .as_array()
        .unwrap()
        .is_empty());
    assert!(ok(commonplace(&lib).arg("check")).contains("ok"));
}

/// Issue 11.13: a UTF-16 file was "binary data", a folder or a missing path a
/// bare OS error, a PDF given to `source add` unexplained; a PDF renamed
/// `.html` must be read as the PDF it is.
#[test]
fn files_are_read_by_what_they_are_and_errors_name_the_problem() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    let utf16 = tmp.path().join("notes.txt");
    let mut bytes = vec![0xFF, 0xFE];
    for unit in "Notes saved by Windows Notepad as “Unicode”.".encode_utf16() {
        bytes.extend_from_slice(&unit.to_le_bytes());
    }
    std::fs::write(&utf16, bytes).unwrap();
    let source = json(
        commonplace(&lib)
            .args(["source", "add", "--title", "Notes"])
            .arg(&utf16),
    );
    let shown = ok(commonplace(&lib).args(["source", "show", source["id"].as_str().unwrap()]));
    assert!(shown.contains("as “Unicode”."), "{shown}");

    let cases: [(std::path::PathBuf, &str); 3] = [
        (tmp.path().to_owned(), "is a folder"),
        (tmp.path().join("missing.txt"), "there is no such file"),
        (
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/two-pages.pdf"),
            "is a PDF, not a text file",
        ),
    ];
    for (path, expected) in cases {
        let out = fails(
            commonplace(&lib)
                .args(["source", "add", "--title", "x"])
                .arg(&path),
        );
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(expected), "{}: {stderr}", path.display());
        assert!(!stderr.contains("os error"), "{stderr}");
    }

    let renamed = tmp.path().join("report.html");
    std::fs::copy(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/two-pages.pdf"),
        &renamed,
    )
    .unwrap();
    let imported = json(commonplace(&lib).args(["source", "import"]).arg(&renamed));
    assert_eq!(imported[0]["kind"], "pdf");
}
