-- Captures from the browser: each page or passage the extension sent, for the
-- app's "Recent captures" inbox. The source and clip are ordinary ones; this
-- row only remembers that they arrived from the browser, when, and whether
-- the writer has looked at them yet (a capture made while the app was closed
-- is new at its next start).
CREATE TABLE captures (
    id           TEXT PRIMARY KEY NOT NULL,
    source_id    TEXT NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    -- The passage saved, when the capture had a selection; a clip deleted
    -- later leaves the capture as a page capture.
    clip_id      TEXT REFERENCES clips (id) ON DELETE SET NULL,
    -- The address the page was read at, as the browser gave it.
    url          TEXT NOT NULL,
    -- How the selection was placed in the source's text: page (no selection),
    -- exact, approximate, or outside (kept, not found in the readable text).
    placement    TEXT NOT NULL CHECK (placement IN ('page', 'exact', 'approximate', 'outside')),
    -- Whether this capture made the source (an undo then removes it too).
    new_source   INTEGER NOT NULL CHECK (new_source IN (0, 1)),
    -- The version number the previous text was archived under, when the
    -- capture brought a changed text.
    new_version  INTEGER,
    captured_at  INTEGER NOT NULL,
    seen         INTEGER NOT NULL DEFAULT 0 CHECK (seen IN (0, 1))
);
CREATE INDEX captures_time ON captures (captured_at, id);
CREATE INDEX captures_unseen ON captures (seen) WHERE seen = 0;
CREATE INDEX captures_clip ON captures (clip_id) WHERE clip_id IS NOT NULL;
