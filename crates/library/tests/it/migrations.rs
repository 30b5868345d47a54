//! Databases written by every schema version, with Unicode, empty and very large
//! fields, migrate to the latest with every clip's content unchanged.

use super::open;
use std::path::Path;

/// Text that tends to break things: emoji, right-to-left, combining marks,
/// zero-width and control characters, CJK, quotes and SQL.
const NAUGHTY: &str = "\u{1F469}\u{200D}\u{1F52C} \u{202E}evil\u{202C} \u{e9} (e\u{301}) \u{200b}zero\u{200d}width \u{4E2D}\u{6587} \u{65E5}\u{672C}\u{8A9E} \u{D55C}\u{AD6D}\u{C5B4} 'quote\" ; DROP TABLE clips; -- \t\u{7}";

/// A library as the first schema version wrote it.
pub fn write_v1_fixture(db: &Path) {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.execute_batch(include_str!("../../../store/migrations/0001_initial.sql"))
        .unwrap();
    let big = "long ".repeat(200_000);
    let text = format!("{NAUGHTY} middle {big}end");
    let meta = serde_json::json!({
        "title": NAUGHTY, "authors": [{"type": "person", "family": "Müller", "given": "Ānna"},
        {"type": "organization", "name": NAUGHTY}], "containerTitle": "", "issued": {"year": 2021}
    });
    conn.execute(
        "INSERT INTO sources (id, kind, title, meta, text_hash, created_at, updated_at)
         VALUES ('s1', 'text', ?1, ?2, 'h', 0, 0)",
        rusqlite::params![NAUGHTY, meta.to_string()],
    )
    .unwrap();
    conn.execute(
        "INSERT INTO source_blocks (source_id, ord, kind, text) VALUES ('s1', 0, 'paragraph', ?1)",
        [&text],
    )
    .unwrap();
    let naughty_len = NAUGHTY.chars().count() as i64;
    let clips: [(&str, String, String, i64, i64); 3] = [
        ("c1", NAUGHTY.to_owned(), NAUGHTY.to_owned(), 0, naughty_len),
        (
            "c2",
            "middle".to_owned(),
            String::new(),
            naughty_len + 1,
            naughty_len + 7,
        ),
        (
            "c3",
            big.trim_end().to_owned(),
            "n".repeat(100_000),
            naughty_len + 8,
            naughty_len + 8 + big.trim_end().chars().count() as i64,
        ),
    ];
    for (id, exact, note, start, end) in clips {
        conn.execute(
            "INSERT INTO clips (id, source_id, exact, prefix, suffix, pos_start, pos_end, note, created_at, updated_at)
             VALUES (?1, 's1', ?2, '', '', ?3, ?4, ?5, 0, 0)",
            rusqlite::params![id, exact, start, end, note],
        )
        .unwrap();
    }
    conn.execute_batch(&format!(
        "INSERT INTO clip_tags (clip_id, tag) VALUES ('c1', '{t}'), ('c1', 'plain'), ('c3', 'x');
         INSERT INTO claims (id, statement, created_at, updated_at) VALUES ('k1', '{t}', 0, 0);
         INSERT INTO claim_links (clip_id, claim_id, stance, created_at) VALUES ('c1', 'k1', 'contradicts', 0);
         PRAGMA user_version = 1;",
        t = NAUGHTY.replace('\'', "''")
    ))
    .unwrap();
}

/// Every clip's content, tags and links, and every source's text, as stored.
pub fn contents(db: &Path) -> Vec<String> {
    let conn =
        rusqlite::Connection::open_with_flags(db, rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY)
            .unwrap();
    let mut out = Vec::new();
    for sql in [
        "SELECT id || '|' || source_id || '|' || exact || '|' || prefix || '|' || suffix || '|' || pos_start || '|' || pos_end || '|' || note FROM clips ORDER BY id",
        "SELECT clip_id || '|' || tag FROM clip_tags ORDER BY clip_id, tag",
        "SELECT clip_id || '|' || claim_id || '|' || stance FROM claim_links ORDER BY clip_id",
        "SELECT id || '|' || statement FROM claims ORDER BY id",
        "SELECT source_id || '|' || ord || '|' || text FROM source_blocks ORDER BY source_id, ord",
    ] {
        let mut stmt = conn.prepare(sql).unwrap();
        let rows = stmt.query_map([], |r| r.get::<_, String>(0)).unwrap();
        out.extend(rows.map(Result::unwrap));
    }
    // A source gains its citation key on the first open by a version that gives
    // keys on saving (a one-time pass), which writes its metadata again: the
    // metadata is compared as data, without the key and the empty fields.
    let mut stmt = conn
        .prepare("SELECT id, title, meta FROM sources ORDER BY id")
        .unwrap();
    let rows = stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
            ))
        })
        .unwrap();
    for row in rows {
        let (id, title, meta) = row.unwrap();
        let mut meta: serde_json::Map<String, serde_json::Value> =
            serde_json::from_str(&meta).unwrap();
        meta.remove("citationKey");
        meta.retain(|_, v| !v.is_null());
        out.push(format!("{id}|{title}|{}", serde_json::Value::Object(meta)));
    }
    out
}

#[test]
fn a_version_1_library_migrates_with_every_clip_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("library.sqlite");
    write_v1_fixture(&db);
    let before = contents(&db);
    assert_eq!(
        before.iter().filter(|l| l.starts_with("c")).count(),
        3 + 3 + 1
    );
    let lib = open(dir.path());
    let c1 = lib.clip(&"c1".into()).unwrap().clip;
    assert_eq!(c1.quote.exact, NAUGHTY);
    assert_eq!(c1.note, NAUGHTY);
    assert!(c1.tags.contains(&NAUGHTY.to_owned()));
    assert_eq!(lib.clip(&"c3".into()).unwrap().clip.note.len(), 100_000);
    assert_eq!(lib.search("tag:plain", 10).unwrap().hits.len(), 1);
    assert!(lib.health().unwrap().is_ok());
    for source in lib.sources().unwrap() {
        let meta = lib.source(&source.id).unwrap().source.meta;
        assert!(meta.citation_key.is_some(), "{} has its key", source.id);
    }
    drop(lib);
    assert_eq!(contents(&db), before);
    let conn = rusqlite::Connection::open(&db).unwrap();
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, store::LATEST_VERSION);
}

#[test]
fn a_latest_version_library_opens_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("library.sqlite");
    write_v1_fixture(&db);
    drop(open(dir.path()));
    let before = contents(&db);
    let lib = open(dir.path());
    assert!(lib.health().unwrap().is_ok());
    drop(lib);
    assert_eq!(contents(&db), before);
}
