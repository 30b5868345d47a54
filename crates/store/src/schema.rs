//! The append-only list of migrations. A shipped migration file is never edited;
//! a schema change is a new numbered file added to the end of the list.

use crate::{Result, StoreError};
use rusqlite::Connection;
use rusqlite_migration::{Migrations, M};

const MIGRATIONS: &[&str] = &[
    include_str!("../migrations/0001_initial.sql"),
    include_str!("../migrations/0002_versions_and_anchors.sql"),
    include_str!("../migrations/0003_lookups.sql"),
    include_str!("../migrations/0004_pages.sql"),
    include_str!("../migrations/0005_captures.sql"),
];

/// The schema version this build writes (SQLite's `user_version`).
pub const LATEST_VERSION: i64 = MIGRATIONS.len() as i64;

pub(crate) fn migrations() -> Migrations<'static> {
    Migrations::new(
        MIGRATIONS
            .iter()
            .map(|sql| {
                // Inside the migration's transaction, after its statements.
                M::up_with_hook(sql, |_: &rusqlite::Transaction<'_>| {
                    crate::failpoint("migration");
                    Ok(())
                })
            })
            .collect(),
    )
}

pub(crate) fn migrate(conn: &mut Connection) -> Result<()> {
    migrations()
        .to_latest(conn)
        .map_err(|e| StoreError::Migration(e.to_string()))
}

#[cfg(test)]
mod tests {
    #[test]
    fn migrations_are_valid() {
        super::migrations().validate().unwrap();
    }
}
