-- Who may call the service. People sign in with HTTP Basic (bcrypt hashes only); MIS systems
-- send a bearer token bound to one school, of which only a SHA-256 hash is kept.

CREATE SEQUENCE app_user_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE app_user (
    id             BIGINT        NOT NULL PRIMARY KEY,
    username       VARCHAR(64)   NOT NULL,
    password_hash  VARCHAR(100)  NOT NULL,
    -- Comma-separated: admin, author, lead.
    roles          VARCHAR(100)  NOT NULL,
    created_at     TIMESTAMP(6)  NOT NULL,
    created_by     VARCHAR(100)  NOT NULL,
    CONSTRAINT uq_user_username UNIQUE (username)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE app_user_school (
    user_id    BIGINT       NOT NULL,
    school_id  VARCHAR(64)  NOT NULL,
    PRIMARY KEY (user_id, school_id),
    CONSTRAINT fk_user_school_user FOREIGN KEY (user_id) REFERENCES app_user (id),
    CONSTRAINT fk_user_school_school FOREIGN KEY (school_id) REFERENCES school (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE SEQUENCE mis_token_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE mis_token (
    id          BIGINT        NOT NULL PRIMARY KEY,
    school_id   VARCHAR(64)   NOT NULL,
    name        VARCHAR(100)  NOT NULL,
    token_hash  CHAR(64)      NOT NULL,
    created_at  TIMESTAMP(6)  NOT NULL,
    created_by  VARCHAR(100)  NOT NULL,
    revoked_at  TIMESTAMP(6),
    revoked_by  VARCHAR(100),
    CONSTRAINT uq_token_hash UNIQUE (token_hash),
    CONSTRAINT fk_token_school FOREIGN KEY (school_id) REFERENCES school (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
