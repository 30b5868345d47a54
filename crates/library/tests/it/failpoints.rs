//! Failure points: a child process is aborted at a named point between the SQLite
//! commit, the index commit, the outbox, a backup and its rotation, and inside a
//! migration; the library left behind must open consistent, with nothing that
//! was committed lost.

use super::open;
use std::path::Path;
use std::process::Command;

fn crash_at(dir: &Path, op: &str, point: &str) {
    let out = Command::new(env!("CARGO_BIN_EXE_crash-campaign"))
        .arg("--once")
        .arg(dir)
        .arg(op)
        .env("COMMONPLACE_FAILPOINT", point)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        !out.status.success() && !stdout.contains("DONE"),
        "{op} should have stopped at {point}: {stdout} {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

fn healthy(lib: &library::Library) {
    let health = lib.health().unwrap();
    assert!(health.is_ok(), "{health:?}");
}

#[test]
fn a_crash_after_the_sqlite_commit_and_before_the_index_loses_nothing() {
    let dir = tempfile::tempdir().unwrap();
    // The second index update is the clip's (the first is the source's).
    crash_at(dir.path(), "clip", "before-index:2");
    let lib = open(dir.path());
    assert_eq!(lib.search("tag:once", 10).unwrap().hits.len(), 1);
    healthy(&lib);
}

#[test]
fn a_crash_after_the_index_commit_and_before_the_outbox_is_pruned_adds_nothing_twice() {
    let dir = tempfile::tempdir().unwrap();
    crash_at(dir.path(), "clip", "after-index-commit:2");
    let lib = open(dir.path());
    assert_eq!(lib.search("tag:once", 10).unwrap().hits.len(), 1);
    healthy(&lib);
}

#[test]
fn a_crash_while_a_backup_is_written_leaves_no_backup_that_counts() {
    let dir = tempfile::tempdir().unwrap();
    {
        let lib = open(dir.path());
        super::add_article(&lib);
    }
    let before = open(dir.path()).backups().len();
    crash_at(dir.path(), "backup", "backup-written");
    let leftovers: Vec<_> = std::fs::read_dir(dir.path().join("backups"))
        .unwrap()
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x == "partial"))
        .collect();
    assert_eq!(
        leftovers.len(),
        1,
        "the unverified copy is left as .partial"
    );
    let lib = open(dir.path());
    assert_eq!(
        lib.backups().len(),
        before,
        "a partial copy is never listed"
    );
    let made = lib.backup().unwrap();
    store::verify(&made.path).unwrap();
    healthy(&lib);
}

#[test]
fn a_crash_between_a_backup_and_its_rotation_is_tidied_by_the_next_backup() {
    let dir = tempfile::tempdir().unwrap();
    {
        let lib = open(dir.path());
        super::add_article(&lib);
        for _ in 0..10 {
            lib.backup().unwrap();
        }
        assert_eq!(lib.backups().len(), 10);
    }
    crash_at(dir.path(), "backup", "backup-before-rotate");
    let lib = open(dir.path());
    assert_eq!(
        lib.backups().len(),
        11,
        "made and verified, not yet rotated"
    );
    lib.backup().unwrap();
    let backups = lib.backups();
    assert_eq!(backups.len(), 10);
    for b in &backups {
        store::verify(&b.path).unwrap();
    }
    healthy(&lib);
}

#[test]
fn a_killed_migration_leaves_the_old_schema_whole_and_the_next_open_finishes_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("library.sqlite");
    super::migrations::write_v1_fixture(&db);
    let before = super::migrations::contents(&db);
    crash_at(dir.path(), "open", "migration");
    let conn = rusqlite::Connection::open(&db).unwrap();
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, 1, "the migration was rolled back whole");
    let ok: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
    drop(conn);
    assert_eq!(super::migrations::contents(&db), before);
    let lib = open(dir.path());
    drop(lib);
    assert_eq!(
        super::migrations::contents(&db),
        before,
        "migrated, every clip unchanged"
    );
}
