-- Every version a policy was loaded with (or failed to load with): its files, who loaded it and when, so an
-- author can see what changed and make an earlier version active again. Rows are appended, never edited.

CREATE SEQUENCE policy_version_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE policy_version (
    id          BIGINT        NOT NULL PRIMARY KEY,
    policy_id   VARCHAR(64)   NOT NULL,
    -- The content hash of the policy's files with the statutory rules, as GET /api/policies shows it.
    version     VARCHAR(64)   NOT NULL,
    status      VARCHAR(16)   NOT NULL,
    loaded_at   TIMESTAMP(6)  NOT NULL,
    loaded_by   VARCHAR(100)  NOT NULL,
    -- JSON: [{"name": "coopers.drl", "content": "..."}, ...], the folder's files as loaded.
    files       LONGTEXT      NOT NULL,
    -- JSON: the compile errors of a FAILED load.
    errors      TEXT
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE INDEX ix_policy_version_policy ON policy_version (policy_id, loaded_at);
