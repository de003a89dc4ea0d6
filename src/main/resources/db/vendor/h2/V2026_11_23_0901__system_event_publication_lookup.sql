-- Spring Modulith completes a publication by listener and serialized event: index that lookup.
CREATE INDEX event_publication_event_idx ON event_publication (listener_id, serialized_event);
