-- Tier 0 deflection: an article a customer opened from the request form. If no request of theirs follows within the
-- program's window, the contact was deflected (answered without the desk).
CREATE TABLE knowledge_article_view (
    id              BIGINT      NOT NULL PRIMARY KEY,
    program_id      BIGINT      NOT NULL,
    article_id      BIGINT      NOT NULL,
    account_id      BIGINT      NOT NULL,
    viewed_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    from_request    BOOLEAN     NOT NULL,
    followed_by     BIGINT,
    CONSTRAINT knowledge_article_view_fk FOREIGN KEY (article_id) REFERENCES knowledge_article (id)
);
CREATE SEQUENCE knowledge_view_seq START WITH 1 INCREMENT BY 1;
CREATE INDEX knowledge_article_view_account_idx ON knowledge_article_view (account_id, viewed_at);
CREATE INDEX knowledge_article_view_program_idx ON knowledge_article_view (program_id, viewed_at);
