//! Backups: made verified, rotated, taken before a migration, and restored with
//! the current database moved aside and the index rebuilt.

use crate::{add_article, hit_ids, open, test_config};
use library::NewClip;

#[test]
fn a_backup_restores_the_library_as_it_was_and_keeps_the_replaced_database() {
    let dir = tempfile::tempdir().unwrap();
    let lib = open(dir.path());
    let source = add_article(&lib);
    let clip = |lib: &library::Library, q: &str| {
        lib.create_clip(NewClip {
            source_id: source.id.0.clone(),
            quote: Some(q.into()),
            ..NewClip::default()
        })
        .unwrap()
    };
    let kept = clip(&lib, "market regulator");
    let backup = lib.backup().unwrap();
    store::verify(&backup.path).expect("a backup is verified");
    let later = clip(&lib, "cloud of uncertainty");
    drop(lib);
    let before = std::fs::read(dir.path().join("library.sqlite")).unwrap();

    let lib = library::Library::restore(dir.path(), &backup.path, test_config()).unwrap();
    assert_eq!(hit_ids(&lib, "regulator"), vec![kept.id.0.clone()]);
    assert!(
        hit_ids(&lib, "uncertainty").is_empty(),
        "the later clip is not in the backup: {}",
        later.id
    );
    assert!(
        lib.health().unwrap().is_ok(),
        "the index was rebuilt from the restored database"
    );
    let aside: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("library.sqlite.replaced-")
        })
        .collect();
    assert_eq!(aside.len(), 1);
    assert_eq!(
        std::fs::read(&aside[0]).unwrap(),
        before,
        "the replaced database is kept byte for byte"
    );
}

#[test]
fn a_damaged_backup_is_refused_and_the_library_is_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let lib = open(dir.path());
    add_article(&lib);
    drop(lib);
    let bad = dir.path().join("not-a-backup.sqlite");
    std::fs::write(&bad, b"garbage that is not sqlite").unwrap();
    let before = std::fs::read(dir.path().join("library.sqlite")).unwrap();
    let err = library::Library::restore(dir.path(), &bad, test_config())
        .err()
        .expect("refused");
    assert!(
        err.to_string().contains("the backup cannot be restored"),
        "{err}"
    );
    assert_eq!(
        std::fs::read(dir.path().join("library.sqlite")).unwrap(),
        before
    );
}

#[test]
fn backups_rotate_and_an_older_schema_is_backed_up_before_its_migration() {
    let dir = tempfile::tempdir().unwrap();
    let lib = open(dir.path());
    add_article(&lib);
    for _ in 0..12 {
        lib.backup().unwrap();
    }
    assert_eq!(lib.backups().len(), 10, "the ten newest are kept");
    drop(lib);

    // A library written by the first version of the schema.
    let old = tempfile::tempdir().unwrap();
    {
        let conn = rusqlite::Connection::open(old.path().join("library.sqlite")).unwrap();
        conn.execute_batch(include_str!("../../../store/migrations/0001_initial.sql"))
            .unwrap();
        conn.execute_batch(
            "INSERT INTO sources (id, kind, title, meta, text_hash, created_at, updated_at)
             VALUES ('s1', 'text', 'Old', '{\"title\":\"Old\"}', 'h', 0, 0);
             INSERT INTO source_blocks (source_id, ord, kind, text) VALUES ('s1', 0, 'paragraph', 'Old text here');
             INSERT INTO clips (id, source_id, exact, prefix, suffix, pos_start, pos_end, created_at, updated_at)
             VALUES ('c1', 's1', 'Old text', '', ' here', 0, 8, 0, 0);
             PRAGMA user_version = 1;",
        )
        .unwrap();
    }
    let lib = open(old.path());
    let migration_backup = old
        .path()
        .join("backups/library-v1-before-migration.sqlite");
    store::verify(&migration_backup).unwrap();
    let conn = rusqlite::Connection::open(&migration_backup).unwrap();
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, 1, "the backup holds the schema as it was");
    assert_eq!(
        hit_ids(&lib, "old"),
        vec!["c1".to_owned()],
        "the migrated clip is intact and indexed"
    );
    assert!(!lib.clip(&"c1".into()).unwrap().clip.orphaned);
}
