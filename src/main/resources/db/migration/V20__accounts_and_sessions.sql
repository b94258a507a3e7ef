-- Accounts can be disabled and have their password changed; every sign-in to the pages is a row here,
-- so signing out, disabling a user or changing their password ends it on the server, whatever cookie
-- a browser still holds.

ALTER TABLE app_user
    ADD COLUMN disabled_at          TIMESTAMP(6)  NULL,
    ADD COLUMN disabled_by          VARCHAR(100)  NULL,
    ADD COLUMN password_changed_at  TIMESTAMP(6)  NULL,
    ADD COLUMN password_changed_by  VARCHAR(100)  NULL;

CREATE TABLE user_session (
    -- SHA-256 of the random session secret the encrypted cookie carries; the secret itself is never stored.
    id          CHAR(64)      NOT NULL PRIMARY KEY,
    user_id     BIGINT        NOT NULL,
    created_at  TIMESTAMP(6)  NOT NULL,
    ended_at    TIMESTAMP(6)  NULL,
    -- signed out, disabled, password changed
    ended_why   VARCHAR(40)   NULL,
    CONSTRAINT fk_session_user FOREIGN KEY (user_id) REFERENCES app_user (id),
    INDEX ix_session_user (user_id, ended_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
