//! The index is a cache of the database: it replays what it missed and rebuilds
//! itself when it cannot be trusted, without the writer losing anything.

use crate::{add_article, hit_ids, open};
use library::NewClip;

fn library_with_clips(dir: &std::path::Path) -> Vec<String> {
    let lib = open(dir);
    let source = add_article(&lib);
    let mut ids = Vec::new();
    for quote in [
        "market regulator",
        "antitrust investigation",
        "cloud of uncertainty",
    ] {
        let clip = lib
            .create_clip(NewClip {
                source_id: source.id.0.clone(),
                quote: Some(quote.into()),
                ..NewClip::default()
            })
            .unwrap();
        ids.push(clip.id.0);
    }
    ids
}

#[test]
fn a_deleted_index_is_rebuilt_from_the_database_on_open() {
    let dir = tempfile::tempdir().unwrap();
    let ids = library_with_clips(dir.path());
    std::fs::remove_dir_all(dir.path().join("index")).unwrap();
    let lib = open(dir.path());
    assert_eq!(hit_ids(&lib, "antitrust"), vec![ids[1].clone()]);
    assert!(lib.health().unwrap().is_ok());
}

#[test]
fn a_corrupt_index_is_rebuilt_from_the_database_on_open() {
    let dir = tempfile::tempdir().unwrap();
    let ids = library_with_clips(dir.path());
    std::fs::write(dir.path().join("index/meta.json"), b"{ not json").unwrap();
    let lib = open(dir.path());
    assert_eq!(hit_ids(&lib, "uncertainty"), vec![ids[2].clone()]);
    let health = lib.health().unwrap();
    assert!(health.is_ok(), "{health:?}");
    assert_eq!(health.indexed, 3);
}

#[test]
fn an_index_ahead_of_the_database_is_rebuilt() {
    // A database restored from an older copy: the index has seen changes the
    // database no longer has, so it cannot be patched, only rebuilt.
    let dir = tempfile::tempdir().unwrap();
    let copy = tempfile::tempdir().unwrap();
    let first = {
        let lib = open(dir.path());
        let source = add_article(&lib);
        let clip = lib
            .create_clip(NewClip {
                source_id: source.id.0.clone(),
                quote: Some("market regulator".into()),
                ..NewClip::default()
            })
            .unwrap();
        drop(lib);
        let conn = rusqlite::Connection::open(dir.path().join("library.sqlite")).unwrap();
        conn.execute(
            "VACUUM INTO ?1",
            [copy.path().join("old.sqlite").to_str().unwrap()],
        )
        .unwrap();
        let lib = open(dir.path());
        lib.create_clip(NewClip {
            source_id: source.id.0.clone(),
            quote: Some("antitrust investigation".into()),
            ..NewClip::default()
        })
        .unwrap();
        clip.id.0
    };
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(dir.path().join(format!("library.sqlite{suffix}")));
    }
    std::fs::copy(
        copy.path().join("old.sqlite"),
        dir.path().join("library.sqlite"),
    )
    .unwrap();
    let lib = open(dir.path());
    assert_eq!(
        hit_ids(&lib, "antitrust"),
        Vec::<String>::new(),
        "the newer clip is not in this database"
    );
    assert_eq!(hit_ids(&lib, "regulator"), vec![first]);
    assert!(lib.health().unwrap().is_ok());
}

#[test]
fn writes_committed_to_sqlite_but_not_to_the_index_are_replayed_on_open() {
    // What a crash between the SQLite commit and the Tantivy commit leaves behind:
    // a clip and its outbox entry in the database, nothing in the index.
    let dir = tempfile::tempdir().unwrap();
    let ids = library_with_clips(dir.path());
    {
        let conn = rusqlite::Connection::open(dir.path().join("library.sqlite")).unwrap();
        conn.execute_batch(
            "INSERT INTO clips (id, source_id, exact, prefix, suffix, pos_start, pos_end, note,
                                created_at, updated_at)
             SELECT 'crash-clip', source_id, 'e-commerce giant', '', '', 0, 16, '', 0, 0
             FROM clips LIMIT 1;
             INSERT INTO outbox (entity, entity_id, op) VALUES ('clip', 'crash-clip', 'upsert');",
        )
        .unwrap();
        conn.execute("DELETE FROM clips WHERE id = ?1", [&ids[0]])
            .unwrap();
        conn.execute(
            "INSERT INTO outbox (entity, entity_id, op) VALUES ('clip', ?1, 'delete')",
            [&ids[0]],
        )
        .unwrap();
    }
    let lib = open(dir.path());
    assert_eq!(
        hit_ids(&lib, "giant"),
        vec!["crash-clip".to_owned()],
        "the missed insert is replayed"
    );
    assert_eq!(
        hit_ids(&lib, "regulator"),
        Vec::<String>::new(),
        "the missed delete is replayed"
    );
    assert!(lib.health().unwrap().is_ok());
}

#[test]
fn an_index_of_another_format_is_rebuilt_on_open() {
    let dir = tempfile::tempdir().unwrap();
    let ids = library_with_clips(dir.path());
    let meta_path = dir.path().join("index/meta.json");
    let meta = std::fs::read_to_string(&meta_path).unwrap();
    let format = format!("\\\"format\\\":{}", search::INDEX_FORMAT);
    assert!(
        meta.contains(&format),
        "the payload records the format: {meta}"
    );
    std::fs::write(&meta_path, meta.replace(&format, "\\\"format\\\":0")).unwrap();
    let lib = open(dir.path());
    let meta = std::fs::read_to_string(&meta_path).unwrap();
    assert!(meta.contains(&format), "rebuilt in the current format");
    assert_eq!(hit_ids(&lib, "antitrust"), vec![ids[1].clone()]);
    assert!(lib.health().unwrap().is_ok());
}
