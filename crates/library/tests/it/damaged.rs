//! A damaged database is found at open, never written to, and the newest verified
//! backup is offered with its date; restoring it moves the damaged file aside
//! byte for byte.

use super::{add_article, open, test_config};
use library::{ErrorCode, Library, NewClip};

fn sha(path: &std::path::Path) -> String {
    store::bytes_hash(&std::fs::read(path).unwrap())
}

#[test]
fn a_damaged_database_is_refused_untouched_and_its_newest_backup_restores() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("library.sqlite");
    {
        let lib = open(dir.path());
        let source = add_article(&lib);
        lib.create_clip(NewClip {
            source_id: source.id.to_string(),
            quote: Some("fined Alibaba a record".into()),
            ..NewClip::default()
        })
        .unwrap();
        lib.backup().unwrap();
        // Written after the backup: lost by a restore, as the offer says.
        lib.create_clip(NewClip {
            source_id: source.id.to_string(),
            quote: Some("abused its dominant position".into()),
            ..NewClip::default()
        })
        .unwrap_or_else(|_| {
            lib.create_clip(NewClip {
                source_id: source.id.to_string(),
                quote: Some("Analysts said".into()),
                ..NewClip::default()
            })
            .unwrap()
        });
    }
    // Damage a page in the middle of the file (the WAL was checkpointed on close).
    let mut bytes = std::fs::read(&db).unwrap();
    let page = 4096;
    assert!(bytes.len() >= 4 * page, "{} bytes", bytes.len());
    for b in &mut bytes[2 * page..3 * page] {
        *b = 0xA5;
    }
    std::fs::write(&db, &bytes).unwrap();
    let damaged = sha(&db);

    let err = match Library::open(dir.path(), test_config()) {
        Err(e) => e,
        Ok(_) => panic!("a damaged database must not open"),
    };
    assert_eq!(err.code(), ErrorCode::LibraryDamaged);
    let message = err.to_string();
    assert!(message.contains("damaged"), "{message}");
    assert!(
        message.contains("newest verified backup is from 20"),
        "{message}"
    );
    assert!(message.contains("restore --latest"), "{message}");
    assert_eq!(sha(&db), damaged, "not one byte was written");
    assert!(
        !dir.path().join("library.sqlite-wal").exists()
            || std::fs::metadata(dir.path().join("library.sqlite-wal"))
                .unwrap()
                .len()
                == 0
    );

    let lib = Library::restore_latest(dir.path(), test_config()).unwrap();
    let hits = lib.search("fined", 10).unwrap().hits;
    assert_eq!(hits.len(), 1, "the backup's clip is back");
    assert!(lib.health().unwrap().is_ok());
    drop(lib);
    let aside: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("library.sqlite.replaced-")
        })
        .collect();
    assert_eq!(aside.len(), 1);
    assert_eq!(
        sha(&aside[0].path()),
        damaged,
        "the damaged file is kept, byte for byte"
    );
}
