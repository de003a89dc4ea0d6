-- Spring Modulith completes a publication by listener and serialized event: index that lookup.
-- A hash index, as in Modulith's own PostgreSQL schema: a B-tree cannot hold arbitrarily long values.
CREATE INDEX event_publication_event_idx ON event_publication USING hash (serialized_event);
