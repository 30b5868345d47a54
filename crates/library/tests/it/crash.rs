//! A short crash campaign (the long one is a command, see the README): the child
//! process running the workload is SIGKILLed again and again, and after each kill
//! every acknowledged operation is checked against the reopened library.

#[test]
fn a_short_crash_campaign_loses_nothing_acknowledged() {
    let dir = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_crash-campaign"))
        .args(["--cycles", "12", "--seed", "7", "--dir"])
        .arg(dir.path())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stdout}\n{stderr}");
    assert!(stdout.contains("crash campaign: 12 cycles"), "{stdout}");
    eprintln!("{stdout}");
}
