-- The pupils list filters by form / class, searches names and sorts by attendance in SQL, one page at a time.
ALTER TABLE pupil ADD COLUMN registration_group VARCHAR(32) NULL;
CREATE INDEX ix_pupil_school_family_name ON pupil (school_id, family_name, given_name);
CREATE INDEX ix_pupil_school_group ON pupil (school_id, registration_group);

-- Each pupil's figures and band as of their latest evaluation, written by the evaluation that computed them,
-- so the list can filter and sort by them without running the policy for every pupil of the school.
CREATE TABLE pupil_standing (
    pupil_id             BIGINT        NOT NULL PRIMARY KEY,
    school_id            VARCHAR(64)   NOT NULL,
    as_of                DATE          NOT NULL,
    possible_sessions    INT           NOT NULL,
    attended_sessions    INT           NOT NULL,
    -- What the list sorts and filters by; NULL while the pupil has no possible session.
    attendance_percent   DOUBLE AS (IF(possible_sessions = 0, NULL, 100e0 * attended_sessions / possible_sessions)) PERSISTENT,
    persistently_absent  BOOLEAN       NOT NULL,
    band                 VARCHAR(100),
    evaluated_at         TIMESTAMP(6)  NOT NULL,
    CONSTRAINT fk_standing_pupil FOREIGN KEY (pupil_id) REFERENCES pupil (id),
    CONSTRAINT fk_standing_school FOREIGN KEY (school_id) REFERENCES school (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE INDEX ix_standing_school_attendance ON pupil_standing (school_id, attendance_percent);

-- The queue counts and pages a school's actions by status, type and stage.
CREATE INDEX ix_action_school_type ON recommended_action (school_id, type, status);
CREATE INDEX ix_action_pupil_status ON recommended_action (pupil_id, status);
