-- What the rules recommend, and what the attendance leads decided. Decisions are appended, never
-- edited: an action's status is its latest decision.

CREATE SEQUENCE recommended_action_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE recommended_action (
    id              BIGINT        NOT NULL PRIMARY KEY,
    school_id       VARCHAR(64)   NOT NULL,
    pupil_id        BIGINT        NOT NULL,
    upn             CHAR(13)      NOT NULL,
    type            VARCHAR(64)   NOT NULL,
    title           VARCHAR(300)  NOT NULL,
    stage           VARCHAR(200),
    policy          VARCHAR(64)   NOT NULL,
    policy_version  VARCHAR(64)   NOT NULL,
    rule_name       VARCHAR(300)  NOT NULL,
    reason          TEXT          NOT NULL,
    clause          TEXT          NOT NULL,
    period          VARCHAR(100)  NOT NULL,
    raised_on       DATE          NOT NULL,
    raised_at       TIMESTAMP(6)  NOT NULL,
    status          VARCHAR(16)   NOT NULL,
    parent_ids      VARCHAR(500),
    records_kind    VARCHAR(32),
    records_type    VARCHAR(64),
    -- One action per pupil, type and period (the academic year, or the half term for a step that repeats).
    CONSTRAINT uq_action_pupil_type_period UNIQUE (pupil_id, type, period),
    CONSTRAINT fk_action_pupil FOREIGN KEY (pupil_id) REFERENCES pupil (id),
    CONSTRAINT fk_action_school FOREIGN KEY (school_id) REFERENCES school (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE INDEX ix_action_school_status ON recommended_action (school_id, status, raised_on);

CREATE SEQUENCE action_decision_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE action_decision (
    id             BIGINT        NOT NULL PRIMARY KEY,
    action_id      BIGINT        NOT NULL,
    decision       VARCHAR(16)   NOT NULL,
    decision_date  DATE          NOT NULL,
    note           VARCHAR(2000),
    decided_by     VARCHAR(100)  NOT NULL,
    decided_at     TIMESTAMP(6)  NOT NULL,
    CONSTRAINT fk_decision_action FOREIGN KEY (action_id) REFERENCES recommended_action (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE INDEX ix_decision_action ON action_decision (action_id, decided_at);
