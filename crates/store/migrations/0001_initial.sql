-- Commonplace schema, version 1.
-- Shipped migrations are never edited: a change to the schema is a new file.

CREATE TABLE sources (
    id          TEXT PRIMARY KEY NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('text', 'markdown', 'web', 'pdf', 'excerpts')),
    title       TEXT NOT NULL,
    -- CSL-style metadata (model::SourceMeta) as JSON; title is copied out for lists.
    meta        TEXT NOT NULL CHECK (json_valid(meta)),
    -- Where each metadata field came from: {"title": "user", ...}.
    origins     TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(origins)),
    url         TEXT,
    text_hash   TEXT NOT NULL,
    -- SHA-256 of the original file in blobs/, when there is one.
    blob_sha256 TEXT,
    created_at  INTEGER NOT NULL,
    updated_at  INTEGER NOT NULL
);
CREATE INDEX sources_url ON sources (url) WHERE url IS NOT NULL;
CREATE INDEX sources_title ON sources (title);

CREATE TABLE source_blocks (
    source_id TEXT NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    ord       INTEGER NOT NULL,
    kind      TEXT NOT NULL,
    level     INTEGER,
    page      INTEGER,
    text      TEXT NOT NULL,
    PRIMARY KEY (source_id, ord)
) WITHOUT ROWID;

CREATE TABLE clips (
    id         TEXT PRIMARY KEY NOT NULL,
    source_id  TEXT NOT NULL REFERENCES sources (id) ON DELETE RESTRICT,
    -- W3C TextQuoteSelector
    exact      TEXT NOT NULL CHECK (length(exact) > 0),
    prefix     TEXT NOT NULL,
    suffix     TEXT NOT NULL,
    -- W3C TextPositionSelector (code points into the source text)
    pos_start  INTEGER NOT NULL CHECK (pos_start >= 0),
    pos_end    INTEGER NOT NULL CHECK (pos_end > pos_start),
    page       INTEGER,
    note       TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX clips_source ON clips (source_id);

CREATE TABLE clip_tags (
    clip_id TEXT NOT NULL REFERENCES clips (id) ON DELETE CASCADE,
    tag     TEXT NOT NULL CHECK (length(tag) > 0),
    PRIMARY KEY (clip_id, tag)
) WITHOUT ROWID;
CREATE INDEX clip_tags_tag ON clip_tags (tag);

CREATE TABLE claims (
    id         TEXT PRIMARY KEY NOT NULL,
    statement  TEXT NOT NULL CHECK (length(statement) > 0),
    note       TEXT NOT NULL DEFAULT '',
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE UNIQUE INDEX claims_statement ON claims (statement COLLATE NOCASE);

CREATE TABLE claim_links (
    clip_id    TEXT NOT NULL REFERENCES clips (id) ON DELETE CASCADE,
    claim_id   TEXT NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
    stance     TEXT NOT NULL CHECK (stance IN ('supports', 'contradicts', 'context')),
    created_at INTEGER NOT NULL,
    PRIMARY KEY (clip_id, claim_id)
) WITHOUT ROWID;
CREATE INDEX claim_links_claim ON claim_links (claim_id);

-- Every write that changes searchable data appends here in the same transaction.
-- AUTOINCREMENT: a sequence number is never reused, even after pruning, because the
-- search index records the last one it applied.
CREATE TABLE outbox (
    seq       INTEGER PRIMARY KEY AUTOINCREMENT,
    entity    TEXT NOT NULL CHECK (entity IN ('clip', 'source')),
    entity_id TEXT NOT NULL,
    op        TEXT NOT NULL CHECK (op IN ('upsert', 'delete'))
);
