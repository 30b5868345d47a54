-- Clips are looked up by their place in a source: an import run again skips
-- the quotes it saved the first time, and a source's clips are listed in the
-- order of its text.
CREATE INDEX clips_source_position ON clips (source_id, pos_start, pos_end);
-- The new index starts with the source, so it serves every lookup the old one did.
DROP INDEX clips_source;

-- Citation keys are given when a source is saved: finding the keys taken that
-- start like a new one is a range on this index.
CREATE INDEX sources_citation_key ON sources (json_extract(meta, '$.citationKey'));
