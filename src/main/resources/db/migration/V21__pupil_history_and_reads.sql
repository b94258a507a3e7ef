-- A pupil's details keep their history like marks do: date of birth and parents drive legal gates (compulsory
-- school age, penalty notices per parent), so every version is kept with who recorded it and when.
-- And who read which pupil's record: every pupil-level read, through the API or the pages.

CREATE SEQUENCE pupil_version_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE pupil_version (
    id               BIGINT        NOT NULL PRIMARY KEY,
    pupil_id         BIGINT        NOT NULL,
    recorded_at      TIMESTAMP(6)  NOT NULL,
    recorded_by      VARCHAR(200)  NOT NULL,
    given_name       VARCHAR(100)  NOT NULL,
    family_name      VARCHAR(100)  NOT NULL,
    date_of_birth    DATE          NOT NULL,
    year_group       INT           NOT NULL,
    -- Comma-separated, sorted.
    characteristics  VARCHAR(2000) NOT NULL,
    -- JSON array of {parentId, name}, sorted by parentId.
    parents          TEXT          NOT NULL,
    CONSTRAINT fk_pupil_version_pupil FOREIGN KEY (pupil_id) REFERENCES pupil (id),
    INDEX ix_pupil_version (pupil_id, recorded_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- The details as they stand now are the first version of pupils created before history was kept
-- (negative ids: the sequence never hands them out).
INSERT INTO pupil_version (id, pupil_id, recorded_at, recorded_by, given_name, family_name, date_of_birth, year_group,
                           characteristics, parents)
SELECT -p.id, p.id, p.updated_at, 'unknown (before history was kept)', p.given_name, p.family_name, p.date_of_birth,
       p.year_group,
       COALESCE((SELECT GROUP_CONCAT(c.characteristic ORDER BY c.characteristic SEPARATOR ',')
                 FROM pupil_characteristic c WHERE c.pupil_id = p.id), ''),
       COALESCE((SELECT JSON_ARRAYAGG(JSON_OBJECT('parentId', a.parent_ref, 'name', a.name) ORDER BY a.parent_ref)
                 FROM parent a WHERE a.pupil_id = p.id), '[]')
FROM pupil p;

CREATE TABLE pupil_read (
    id           BIGINT        NOT NULL AUTO_INCREMENT PRIMARY KEY,
    school_id    VARCHAR(64)   NOT NULL,
    upn          CHAR(13)      NOT NULL,
    read_at      TIMESTAMP(6)  NOT NULL,
    read_by      VARCHAR(200)  NOT NULL,
    -- What was read, e.g. "GET /api/schools/x/pupils/A.../attendance" or the pupil page.
    what         VARCHAR(300)  NOT NULL,
    INDEX ix_pupil_read (school_id, upn, read_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
