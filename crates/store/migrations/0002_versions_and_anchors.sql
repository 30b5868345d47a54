-- Re-importing a source keeps every earlier version of its text, and every clip
-- either re-anchors to the new text or is marked orphaned (never dropped).

CREATE TABLE source_versions (
    source_id   TEXT NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    version     INTEGER NOT NULL,
    kind        TEXT NOT NULL,
    meta        TEXT NOT NULL CHECK (json_valid(meta)),
    blocks      TEXT NOT NULL CHECK (json_valid(blocks)),
    text_hash   TEXT NOT NULL,
    blob_sha256 TEXT,
    archived_at INTEGER NOT NULL,
    PRIMARY KEY (source_id, version)
) WITHOUT ROWID;

ALTER TABLE clips ADD COLUMN orphaned INTEGER NOT NULL DEFAULT 0 CHECK (orphaned IN (0, 1));

-- The selectors a clip had before a re-import moved it approximately.
CREATE TABLE clip_anchor_history (
    clip_id     TEXT NOT NULL REFERENCES clips (id) ON DELETE CASCADE,
    replaced_at INTEGER NOT NULL,
    exact       TEXT NOT NULL,
    prefix      TEXT NOT NULL,
    suffix      TEXT NOT NULL,
    pos_start   INTEGER NOT NULL,
    pos_end     INTEGER NOT NULL
);
CREATE INDEX clip_anchor_history_clip ON clip_anchor_history (clip_id);
