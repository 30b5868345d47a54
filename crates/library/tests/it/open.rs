use crate::{add_article, open, test_config};
use library::{ErrorCode, Library};

#[test]
fn a_new_library_is_a_folder_with_database_index_blobs_and_backups() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("my library");
    let lib = open(&root);
    for entry in [
        "library.sqlite",
        "index/meta.json",
        "blobs",
        "backups",
        "lock",
    ] {
        assert!(
            root.join(entry).exists(),
            "{entry} should exist in a new library"
        );
    }
    drop(lib);
    let conn = rusqlite::Connection::open(root.join("library.sqlite")).unwrap();
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal", "the database is switched to WAL at open");
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, store::LATEST_VERSION);
}

#[test]
fn a_second_open_of_the_same_library_is_refused_while_the_first_holds_it() {
    let dir = tempfile::tempdir().unwrap();
    let first = open(dir.path());
    let second = Library::open(dir.path(), test_config());
    let err = second.err().expect("the second open must fail");
    assert_eq!(err.code(), ErrorCode::LibraryLocked);
    assert!(err.to_string().contains("open in another process"), "{err}");
    drop(first);
    Library::open(dir.path(), test_config()).expect("free again once the first is closed");
}

#[test]
fn a_database_from_a_newer_version_is_refused_and_left_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let lib = open(dir.path());
    add_article(&lib);
    drop(lib);
    let db = dir.path().join("library.sqlite");
    {
        let conn = rusqlite::Connection::open(&db).unwrap();
        conn.pragma_update(None, "user_version", store::LATEST_VERSION + 1)
            .unwrap();
        conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
    }
    let before = std::fs::read(&db).unwrap();
    let err = Library::open(dir.path(), test_config())
        .err()
        .expect("refused");
    assert_eq!(err.code(), ErrorCode::LibraryTooNew);
    assert!(
        err.to_string().contains("newer version of Commonplace"),
        "{err}"
    );
    assert_eq!(
        std::fs::read(&db).unwrap(),
        before,
        "the file must not change"
    );
    assert!(
        !dir.path().join("library.sqlite-wal").exists(),
        "no WAL was started"
    );
}

#[test]
fn a_file_that_is_not_a_database_is_reported_as_damaged_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("library.sqlite");
    std::fs::write(&db, b"this is not sqlite, it is a note to self").unwrap();
    let err = Library::open(dir.path(), test_config())
        .err()
        .expect("refused");
    assert_eq!(err.code(), ErrorCode::LibraryDamaged, "{err}");
    assert_eq!(
        std::fs::read(&db).unwrap(),
        b"this is not sqlite, it is a note to self"
    );
}
