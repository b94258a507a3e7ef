-- Schools, pupils and the register. Identifiers come from sequences (not AUTO_INCREMENT) so
-- Hibernate and the bulk mark writer can batch their inserts.

CREATE TABLE school (
    id          VARCHAR(64)  NOT NULL PRIMARY KEY,
    name        VARCHAR(200) NOT NULL,
    policy      VARCHAR(64)  NOT NULL,
    created_at  TIMESTAMP(6) NOT NULL,
    updated_at  TIMESTAMP(6) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE SEQUENCE pupil_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE pupil (
    id             BIGINT       NOT NULL PRIMARY KEY,
    school_id      VARCHAR(64)  NOT NULL,
    upn            CHAR(13)     NOT NULL,
    given_name     VARCHAR(100) NOT NULL,
    family_name    VARCHAR(100) NOT NULL,
    date_of_birth  DATE         NOT NULL,
    year_group     INT          NOT NULL,
    created_at     TIMESTAMP(6) NOT NULL,
    updated_at     TIMESTAMP(6) NOT NULL,
    CONSTRAINT uq_pupil_school_upn UNIQUE (school_id, upn),
    CONSTRAINT fk_pupil_school FOREIGN KEY (school_id) REFERENCES school (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE pupil_characteristic (
    pupil_id        BIGINT      NOT NULL,
    characteristic  VARCHAR(32) NOT NULL,
    PRIMARY KEY (pupil_id, characteristic),
    CONSTRAINT fk_characteristic_pupil FOREIGN KEY (pupil_id) REFERENCES pupil (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE SEQUENCE parent_seq START WITH 1 INCREMENT BY 50;

-- parent_ref is the MIS's own id for the parent (the contract's parentId); penalty notices
-- are counted per parent and pupil, so a parent row belongs to one pupil.
CREATE TABLE parent (
    id          BIGINT       NOT NULL PRIMARY KEY,
    pupil_id    BIGINT       NOT NULL,
    parent_ref  VARCHAR(64)  NOT NULL,
    name        VARCHAR(200) NOT NULL,
    CONSTRAINT uq_parent_pupil_ref UNIQUE (pupil_id, parent_ref),
    CONSTRAINT fk_parent_pupil FOREIGN KEY (pupil_id) REFERENCES pupil (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE SEQUENCE session_mark_seq START WITH 1 INCREMENT BY 50;

-- One row per (school, UPN, date, session): pupil_id stands for (school, UPN). The row keeps
-- who first entered it and from which source; later changes go to mark_amendment.
CREATE TABLE session_mark (
    id           BIGINT       NOT NULL PRIMARY KEY,
    school_id    VARCHAR(64)  NOT NULL,
    pupil_id     BIGINT       NOT NULL,
    mark_date    DATE         NOT NULL,
    session      CHAR(2)      NOT NULL,
    code         VARCHAR(2)   NOT NULL,
    recorded_at  TIMESTAMP(6) NOT NULL,
    recorded_by  VARCHAR(100) NOT NULL,
    source       VARCHAR(200) NOT NULL,
    CONSTRAINT uq_session_mark UNIQUE (pupil_id, mark_date, session),
    CONSTRAINT fk_mark_pupil FOREIGN KEY (pupil_id) REFERENCES pupil (id),
    CONSTRAINT fk_mark_school FOREIGN KEY (school_id) REFERENCES school (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- The school calendar (dates the school held sessions) is read from here.
CREATE INDEX ix_session_mark_school_date ON session_mark (school_id, mark_date, code);

CREATE SEQUENCE mark_amendment_seq START WITH 1 INCREMENT BY 50;

-- Registers are kept at least 6 years and amendments are never deleted: no cascade here.
CREATE TABLE mark_amendment (
    id               BIGINT       NOT NULL PRIMARY KEY,
    session_mark_id  BIGINT       NOT NULL,
    old_code         VARCHAR(2)   NOT NULL,
    new_code         VARCHAR(2)   NOT NULL,
    changed_at       TIMESTAMP(6) NOT NULL,
    changed_by       VARCHAR(100) NOT NULL,
    reason           VARCHAR(200) NOT NULL,
    CONSTRAINT fk_amendment_mark FOREIGN KEY (session_mark_id) REFERENCES session_mark (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE INDEX ix_mark_amendment_mark ON mark_amendment (session_mark_id, changed_at);

CREATE SEQUENCE intervention_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE intervention (
    id                BIGINT        NOT NULL PRIMARY KEY,
    school_id         VARCHAR(64)   NOT NULL,
    pupil_id          BIGINT        NOT NULL,
    kind              VARCHAR(32)   NOT NULL,
    type              VARCHAR(64),
    intervention_date DATE          NOT NULL,
    parent_ref        VARCHAR(64),
    parent_attended   BOOLEAN,
    outcome           VARCHAR(64),
    note              VARCHAR(2000),
    action_id         BIGINT,
    recorded_at       TIMESTAMP(6)  NOT NULL,
    recorded_by       VARCHAR(100)  NOT NULL,
    CONSTRAINT fk_intervention_pupil FOREIGN KEY (pupil_id) REFERENCES pupil (id),
    CONSTRAINT fk_intervention_school FOREIGN KEY (school_id) REFERENCES school (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE INDEX ix_intervention_pupil_date ON intervention (pupil_id, intervention_date);
