-- The sources list comes in pages, newest first: this index hands out a page
-- without sorting every source.
CREATE INDEX sources_created ON sources (created_at, id);
