-- The school calendar an admin or the school's MIS posts, one academic year at a time: its terms with
-- their half-term breaks, and its closures (INSET days and other days or sessions without school).
-- Posting a year again replaces its rows.

CREATE SEQUENCE calendar_term_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE calendar_term (
    id             BIGINT       NOT NULL PRIMARY KEY,
    school_id      VARCHAR(64)  NOT NULL,
    academic_year  CHAR(7)      NOT NULL,
    position       INT          NOT NULL,
    name           VARCHAR(100) NOT NULL,
    start_date     DATE         NOT NULL,
    end_date       DATE         NOT NULL,
    break_start    DATE,
    break_end      DATE,
    CONSTRAINT uq_calendar_term UNIQUE (school_id, academic_year, position),
    CONSTRAINT fk_calendar_term_school FOREIGN KEY (school_id) REFERENCES school (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE SEQUENCE calendar_closure_seq START WITH 1 INCREMENT BY 50;

CREATE TABLE calendar_closure (
    id             BIGINT       NOT NULL PRIMARY KEY,
    school_id      VARCHAR(64)  NOT NULL,
    academic_year  CHAR(7)      NOT NULL,
    closure_date   DATE         NOT NULL,
    am             BOOLEAN      NOT NULL,
    pm             BOOLEAN      NOT NULL,
    reason         VARCHAR(200),
    CONSTRAINT uq_calendar_closure UNIQUE (school_id, closure_date),
    CONSTRAINT fk_calendar_closure_school FOREIGN KEY (school_id) REFERENCES school (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Who posted each year's calendar and when: the school page shows it, and a change re-evaluates the year.
CREATE TABLE school_calendar (
    school_id      VARCHAR(64)  NOT NULL,
    academic_year  CHAR(7)      NOT NULL,
    posted_at      TIMESTAMP(6) NOT NULL,
    posted_by      VARCHAR(100) NOT NULL,
    PRIMARY KEY (school_id, academic_year),
    CONSTRAINT fk_school_calendar_school FOREIGN KEY (school_id) REFERENCES school (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
