//! The CLI tour of the README, end to end on a new library.

use crate::{commonplace, fails, json, ok};

const ARTICLE: &str =
    "China's market regulator fined Alibaba a record 18.2 billion yuan on Saturday.

The penalty follows a months-long antitrust investigation into the e-commerce giant,
which regulators said had abused its dominant position.

Analysts said the fine removes a cloud of uncertainty over the company.
";

#[test]
fn add_clip_link_search_and_export_a_news_article() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    let article = tmp.path().join("article.txt");
    std::fs::write(&article, ARTICLE).unwrap();

    let source = json(
        commonplace(&lib)
            .args(["source", "add"])
            .arg(&article)
            .args([
                "--title",
                "China fines Alibaba record $2.8 bln in anti-monopoly probe",
                "--author",
                "Zhang, Yan",
                "--org",
                "Reuters Staff",
                "--site",
                "Reuters",
                "--date",
                "2021-04-10",
                "--url",
                "https://www.reuters.com/article/alibaba-fine",
            ]),
    );
    let source_id = source["id"].as_str().unwrap().to_owned();
    assert_eq!(source["meta"]["authors"][1]["type"], "organization");

    let clip = |quote: &str| -> String {
        let clip = json(commonplace(&lib).args(["clip", "add", &source_id, "--quote", quote]));
        clip["id"].as_str().unwrap().to_owned()
    };
    let fine = clip("fined Alibaba a record 18.2 billion yuan");
    // The file wraps this sentence over two lines; plain-text import joins hard
    // wraps, so the quote as a reader sees it matches.
    let abuse =
        clip("the e-commerce giant, which regulators said had abused its dominant position");
    let relief = clip("the fine removes a cloud of uncertainty");

    let claim = json(commonplace(&lib).args([
        "claim",
        "add",
        "China's antitrust push follows Western regulators",
    ]));
    let claim_id = claim["id"].as_str().unwrap();
    ok(commonplace(&lib).args(["claim", "link", &fine, claim_id, "--stance", "supports"]));
    ok(commonplace(&lib).args([
        "claim",
        "link",
        &relief,
        claim_id,
        "--stance",
        "contradicts",
    ]));
    let claims = json(commonplace(&lib).args(["claim", "list"]));
    assert_eq!(claims[0]["supports"], 1);
    assert_eq!(claims[0]["contradicts"], 1);

    let found = ok(commonplace(&lib).args(["search", "dominant"]));
    assert!(
        found.contains("1 clip and 1 passage of sources match “dominant”"),
        "{found}"
    );
    assert!(found.contains(&abuse));
    assert!(
        found.contains("abused its **dominant** position"),
        "highlighted: {found}"
    );

    let md = ok(commonplace(&lib).args(["export", &fine, &abuse, &relief]));
    let attribution = "— Yan Zhang and Reuters Staff, “China fines Alibaba record $2.8 bln in anti-monopoly probe”, *Reuters*, 10 April 2021. <https://www.reuters.com/article/alibaba-fine>";
    assert_eq!(md.matches(attribution).count(), 3, "{md}");
    assert!(
        md.starts_with("> fined Alibaba a record 18.2 billion yuan\n"),
        "{md}"
    );
    assert!(
        md.contains(
            "\n> the e-commerce giant, which regulators said had abused its dominant position\n"
        ),
        "{md}"
    );

    let out_file = tmp.path().join("draft.md");
    ok(commonplace(&lib)
        .args(["export", &relief, "--output"])
        .arg(&out_file));
    assert!(std::fs::read_to_string(&out_file)
        .unwrap()
        .starts_with("> the fine removes"));
    assert!(ok(commonplace(&lib).arg("check")).contains("ok"));
}

#[test]
fn errors_go_to_stderr_with_a_code_and_a_nonzero_exit() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    ok(commonplace(&lib).args(["claim", "add", "A claim makes the library"]));
    let out = fails(commonplace(&lib).args(["clip", "show", "no-such-clip"]));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.trim(), "error: no clip with id no-such-clip");

    let out =
        fails(commonplace(&lib).args(["--json", "claim", "link", "a", "b", "--stance", "agrees"]));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("`agrees` is not a stance"), "{stderr}");

    let bad = tmp.path().join("latin1.txt");
    std::fs::write(&bad, b"caf\xe9").unwrap();
    let out = fails(
        commonplace(&lib)
            .args(["source", "add", "--title", "x"])
            .arg(&bad),
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("is not UTF-8 text"));

    let out = fails(commonplace(&lib).args(["--json", "source", "show", "nope"]));
    let err: serde_json::Value = serde_json::from_slice(&out.stderr).unwrap();
    assert_eq!(err["code"], "notFound");
}

#[test]
fn the_library_comes_from_the_environment_when_no_flag_is_given() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("from-env");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_commonplace"))
        .args(["claim", "add", "Claims live in the library"])
        .env("COMMONPLACE_LIBRARY", &lib)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(
        lib.join("library.sqlite").exists(),
        "the library was created where the variable says"
    );
}

#[test]
fn a_second_process_cannot_write_a_library_another_holds() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    let _held = library::Library::open(&lib, library::Config::default()).unwrap();
    let out = fails(commonplace(&lib).args(["claim", "add", "Anything"]));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("is open in another process"), "{stderr}");
}

#[test]
fn a_saved_web_page_imports_with_its_metadata_and_a_bad_file_is_reported() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    let page = tmp.path().join("page.html");
    std::fs::write(
        &page,
        r#"<html><head><title>Tariffs and prices | Example Post</title>
        <meta name="citation_author" content="Rivera, Ana"><meta property="og:site_name" content="Example Post">
        <meta property="article:published_time" content="2025-02-01"></head>
        <body><article><p>Tariffs raised consumer prices by two percent within a year, the study found, with the largest effects on appliances.</p>
        <p>The authors caution that the estimates rest on import data that is revised often.</p></article></body></html>"#,
    )
    .unwrap();
    let bad = tmp.path().join("notes.docx");
    std::fs::write(&bad, b"PK\x03\x04").unwrap();
    let out = commonplace(&lib)
        .args(["--json", "source", "import"])
        .arg(&page)
        .arg(&bad)
        .output()
        .unwrap();
    assert!(
        !out.status.success(),
        "one file failed, so the command fails"
    );
    let imported: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(imported.as_array().map(Vec::len), Some(1), "one JSON array");
    let source = &imported[0];
    assert_eq!(source["kind"], "web");
    assert_eq!(source["meta"]["containerTitle"], "Example Post");
    assert_eq!(source["meta"]["authors"][0]["family"], "Rivera");
    assert_eq!(source["meta"]["issued"]["year"], 2025);
    assert_eq!(source["origins"]["authors"], "highwire");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(".docx files are not supported yet"),
        "{stderr}"
    );
    let found = ok(commonplace(&lib).args(["search", "appliances"]));
    assert!(found.contains("no clips match"), "no clip yet: {found}");
}

fn fixture(name: &str) -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

#[test]
fn a_pdf_imports_page_by_page_in_a_child_process_and_clips_know_their_page() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    let source = json(
        commonplace(&lib)
            .args(["source", "import"])
            .arg(fixture("two-pages.pdf")),
    )[0]
    .clone();
    assert_eq!(source["kind"], "pdf");
    assert_eq!(source["meta"]["title"], "Offshore Wind Report");
    assert_eq!(source["meta"]["authors"][0]["family"], "Okafor");
    assert_eq!(source["meta"]["authors"][1]["type"], "organization");
    assert_eq!(source["meta"]["issued"]["day"], 5);
    assert_eq!(source["origins"]["title"], "pdf-info");
    let breaks: Vec<u64> = source["blocks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|b| b["kind"] == "pageBreak")
        .map(|b| b["page"].as_u64().unwrap())
        .collect();
    assert_eq!(breaks, vec![1, 2], "every page starts with its page break");
    let id = source["id"].as_str().unwrap();
    let clip = json(commonplace(&lib).args([
        "clip",
        "add",
        id,
        "--quote",
        "turbines doubled their output",
    ]));
    assert_eq!(clip["page"], 2, "the clip knows its page");
    let md = ok(commonplace(&lib).args(["export", clip["id"].as_str().unwrap()]));
    assert!(md.contains(", p. 2"), "the page is cited: {md}");
}

#[test]
fn an_encrypted_pdf_asks_for_its_password_and_a_damaged_one_is_refused_clearly() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    let out = fails(
        commonplace(&lib)
            .args(["--json", "source", "import"])
            .arg(fixture("encrypted.pdf")),
    );
    let err: serde_json::Value =
        serde_json::from_slice(out.stderr.split(|b| *b == b'\n').next().unwrap()).unwrap();
    assert_eq!(err["code"], "passwordRequired");
    assert!(
        err["message"]
            .as_str()
            .unwrap()
            .contains("give its password"),
        "{err}"
    );
    let out = fails(
        commonplace(&lib)
            .args(["source", "import", "--password", "wrong"])
            .arg(fixture("encrypted.pdf")),
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("does not open this PDF"));
    let source = json(
        commonplace(&lib)
            .args(["source", "import", "--password", "secret-pw"])
            .arg(fixture("encrypted.pdf")),
    )[0]
    .clone();
    assert_eq!(source["meta"]["title"], "Offshore Wind Report");

    let damaged = tmp.path().join("damaged.pdf");
    let bytes = std::fs::read(fixture("two-pages.pdf")).unwrap();
    std::fs::write(&damaged, &bytes[..bytes.len() / 3]).unwrap();
    let out = fails(commonplace(&lib).args(["source", "import"]).arg(&damaged));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("damaged.pdf"),
        "the error names the file: {stderr}"
    );
    let sources = json(commonplace(&lib).args(["source", "list"]));
    assert_eq!(sources.as_array().unwrap().len(), 1, "nothing half-saved");
}

#[test]
fn backup_and_restore_from_the_command_line() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    let article = tmp.path().join("a.txt");
    std::fs::write(&article, ARTICLE).unwrap();
    let source = json(
        commonplace(&lib)
            .args(["source", "add", "--title", "T"])
            .arg(&article),
    );
    let id = source["id"].as_str().unwrap();
    ok(commonplace(&lib).args(["clip", "add", id, "--quote", "market regulator"]));
    let backup = json(commonplace(&lib).arg("backup"));
    let path = backup["path"].as_str().unwrap().to_owned();
    ok(commonplace(&lib).args(["clip", "add", id, "--quote", "cloud of uncertainty"]));
    let listed = ok(commonplace(&lib).arg("backups"));
    assert!(listed.contains(&path), "{listed}");
    ok(commonplace(&lib).args(["restore", &path]));
    assert!(ok(commonplace(&lib).args(["search", "uncertainty"])).contains("no clips match"));
    let found = ok(commonplace(&lib).args(["search", "regulator"]));
    assert!(found.starts_with("1 clip and "), "{found}");
    assert!(ok(commonplace(&lib).arg("check")).contains("ok"));
}
