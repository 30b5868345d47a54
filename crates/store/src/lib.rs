//! The SQLite store: the source of truth of a library.
//!
//! `Store::open` refuses a database written by a newer Commonplace before touching
//! it, sets the PRAGMAs every connection needs, then runs the append-only migrations.
//! Writes go through [`Store::write`], whose [`Tx`] is the only way to change data:
//! each of its methods that changes searchable data also appends to the outbox in
//! the same transaction, so the search index can never miss an acknowledged change.
//! The store knows nothing of Tantivy; `library` feeds the outbox to the index.
//!
//! One connection writes, one transaction at a time; reads never wait for it.
//! [`Store::read`] lends a connection of its own from a small pool and opens a
//! read transaction on it: with WAL, that is a snapshot of the last commit,
//! whatever a writer is doing meanwhile. Read connections are `query_only`, so a
//! read can never write.

mod backup;
mod captures;
mod claims;
mod clips;
mod outbox;
mod pool;
mod schema;
mod sources;

pub use backup::{backups, verify};
pub use captures::CaptureRow;
pub use outbox::{OutboxEntity, OutboxEntry, OutboxOp};
pub use pool::Snapshot;
pub use schema::LATEST_VERSION;
pub use sources::ArchivedVersion;

pub use rusqlite::ErrorCode as SqliteCode;
use rusqlite::{Connection, OpenFlags, TransactionBehavior};

/// A test hook: when the environment variable `COMMONPLACE_FAILPOINT` names this
/// point (`name`, or `name:N` for its N-th passage), the process aborts here, as a
/// crash or a power cut would stop it. The failure-point tests run a child process
/// with it set and check the library that is left. Unset (always, in use), it
/// costs one comparison.
pub fn failpoint(name: &str) {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static POINT: std::sync::OnceLock<Option<(String, usize)>> = std::sync::OnceLock::new();
    static PASSED: AtomicUsize = AtomicUsize::new(0);
    let point = POINT.get_or_init(|| {
        let value = std::env::var("COMMONPLACE_FAILPOINT").ok()?;
        Some(match value.split_once(':') {
            Some((name, n)) => (name.to_owned(), n.parse().unwrap_or(1)),
            None => (value, 1),
        })
    });
    if let Some((point, n)) = point {
        if point == name && PASSED.fetch_add(1, Ordering::SeqCst) + 1 == *n {
            std::process::abort();
        }
    }
}

/// `execute` and `query_row` through the connection's statement cache: the same
/// statements run for every clip of a bulk import, and preparing one costs more
/// than running it.
pub(crate) trait Cached {
    fn exec(&self, sql: &str, params: impl rusqlite::Params) -> rusqlite::Result<usize>;
    fn row<T>(
        &self,
        sql: &str,
        params: impl rusqlite::Params,
        f: impl FnOnce(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
    ) -> rusqlite::Result<T>;
}

impl Cached for Connection {
    fn exec(&self, sql: &str, params: impl rusqlite::Params) -> rusqlite::Result<usize> {
        self.prepare_cached(sql)?.execute(params)
    }

    fn row<T>(
        &self,
        sql: &str,
        params: impl rusqlite::Params,
        f: impl FnOnce(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
    ) -> rusqlite::Result<T> {
        self.prepare_cached(sql)?.query_row(params, f)
    }
}
use std::path::{Path, PathBuf};
use std::time::Duration;

/// How long a connection waits on a lock held by another connection.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(
        "this library was written by a newer version of Commonplace (schema {found}, this \
         version knows up to {supported}); update Commonplace to open it. The file was not changed."
    )]
    NewerSchema { found: i64, supported: i64 },
    #[error("{path} is not a Commonplace database or is damaged: {reason}")]
    NotADatabase { path: PathBuf, reason: String },
    #[error("upgrading the database schema failed: {0}")]
    Migration(String),
    #[error("no {entity} with id {id}")]
    NotFound { entity: &'static str, id: String },
    #[error("a claim with the statement \"{0}\" already exists")]
    DuplicateClaim(String),
    #[error("stored data is invalid: {0}")]
    Corrupt(String),
    #[error(transparent)]
    Sqlite(#[from] rusqlite::Error),
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;

/// An open library database: one write connection and a pool of readers.
pub struct Store {
    writer: parking_lot::Mutex<Connection>,
    readers: pool::ReadPool,
}

impl Store {
    /// Opens (creating if needed) the database at `path` and brings its schema to
    /// the latest version.
    pub fn open(path: &Path) -> Result<Store> {
        Store::open_with_backup_dir(path, None)
    }

    /// Opens the database; if its schema must be upgraded, first writes a verified
    /// backup of it into `backups` (when given), so a migration can always be undone.
    pub fn open_with_backup_dir(path: &Path, backups: Option<&Path>) -> Result<Store> {
        let existed = path.exists();
        if existed {
            refuse_newer(path)?;
        }
        let mut conn = Connection::open(path)?;
        apply_pragmas(&conn)?;
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0))?;
        if let (true, Some(dir)) = (existed && version < LATEST_VERSION, backups) {
            std::fs::create_dir_all(dir)
                .map_err(|e| StoreError::Corrupt(format!("{}: {e}", dir.display())))?;
            backup::backup_with(
                &conn,
                &dir.join(format!("library-v{version}-before-migration.sqlite")),
            )?;
        }
        schema::migrate(&mut conn)?;
        Ok(Store {
            writer: parking_lot::Mutex::new(conn),
            readers: pool::ReadPool::new(path),
        })
    }

    /// Runs `f` in one IMMEDIATE transaction and commits it if `f` succeeds.
    /// Writers take turns; readers go on meanwhile, each in its snapshot.
    pub fn write<T, E>(&self, f: impl FnOnce(&Tx<'_>) -> Result<T, E>) -> Result<T, E>
    where
        E: From<StoreError>,
    {
        let mut conn = self.writer.lock();
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(StoreError::from)?;
        let out = f(&Tx { conn: &tx })?;
        tx.commit().map_err(StoreError::from)?;
        Ok(out)
    }

    /// A snapshot to read from: every query of [`Reader`] sees the database as
    /// of the last commit before its first query, and never waits for a writer.
    pub fn read(&self) -> Result<Snapshot<'_>> {
        self.readers.snapshot()
    }

    /// `PRAGMA integrity_check` and `foreign_key_check`: the problems found, if any.
    pub fn check_integrity(&self) -> Result<Vec<String>> {
        let conn = self.writer.lock();
        let mut problems = Vec::new();
        let mut stmt = conn.prepare("PRAGMA integrity_check")?;
        for row in stmt.query_map([], |r| r.get::<_, String>(0))? {
            let row = row?;
            if row != "ok" {
                problems.push(row);
            }
        }
        drop(stmt);
        let mut stmt = conn.prepare("PRAGMA foreign_key_check")?;
        for row in stmt.query_map([], |r| r.get::<_, String>(0))? {
            problems.push(format!("foreign key violation in {}", row?));
        }
        Ok(problems)
    }
}

/// The queries of the database, on a read snapshot or inside a write
/// transaction (a connection seen through the read-only half of the API).
#[derive(ref_cast::RefCast)]
#[repr(transparent)]
pub struct Reader {
    conn: Connection,
}

/// A write transaction; [`Tx::read`] gives the queries inside it.
pub struct Tx<'a> {
    conn: &'a Connection,
}

impl Tx<'_> {
    pub fn read(&self) -> &Reader {
        use ref_cast::RefCast;
        Reader::ref_cast(self.conn)
    }

    /// Runs `f` inside a savepoint: if it fails, everything it wrote is undone and
    /// the rest of the transaction stands.
    pub fn atomically<T, E>(&self, f: impl FnOnce(&Tx<'_>) -> Result<T, E>) -> Result<T, E>
    where
        E: From<StoreError>,
    {
        self.conn
            .exec("SAVEPOINT atomically", [])
            .map_err(StoreError::from)?;
        let out = f(self);
        if out.is_err() {
            self.conn
                .exec("ROLLBACK TO atomically", [])
                .map_err(StoreError::from)?;
        }
        self.conn
            .exec("RELEASE atomically", [])
            .map_err(StoreError::from)?;
        out
    }
}

/// Checks the schema version through a read-only connection, so that a database
/// from a newer version is refused without a single byte of it changing (opening
/// read-write would already switch the journal mode).
fn refuse_newer(path: &Path) -> Result<()> {
    let not_db = |e: rusqlite::Error| StoreError::NotADatabase {
        path: path.to_owned(),
        reason: e.to_string(),
    };
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(not_db)?;
    let found: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .map_err(not_db)?;
    if found > LATEST_VERSION {
        return Err(StoreError::NewerSchema {
            found,
            supported: LATEST_VERSION,
        });
    }
    // Damage anywhere in the file is found here, before anything writes to it
    // (opening read-write would already touch the journal).
    let problems: Vec<String> = conn
        .prepare("PRAGMA quick_check(5)")
        .and_then(|mut stmt| {
            stmt.query_map([], |r| r.get::<_, String>(0))?
                .collect::<rusqlite::Result<Vec<_>>>()
        })
        .map_err(not_db)?;
    if problems != ["ok"] {
        return Err(StoreError::NotADatabase {
            path: path.to_owned(),
            reason: problems.join("; "),
        });
    }
    Ok(())
}

pub(crate) fn apply_pragmas(conn: &Connection) -> Result<()> {
    conn.busy_timeout(BUSY_TIMEOUT)?;
    conn.set_prepared_statement_cache_capacity(128);
    let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(StoreError::Corrupt(format!(
            "could not switch the journal to WAL (got {mode})"
        )));
    }
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    Ok(())
}

/// SHA-256 of a text, in hex: how versions of a source's text are told apart.
pub fn text_hash(text: &str) -> String {
    bytes_hash(text.as_bytes())
}

/// SHA-256 of bytes, in hex: the name of a blob.
pub fn bytes_hash(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    let digest = Sha256::digest(bytes);
    digest.iter().map(|b| format!("{b:02x}")).collect()
}
