-- Each pupil's academic year of marks as one row (uk.attendance.attendance.CompactRegister): one character
-- per session, AM then PM of each day from 1 September, '-' where no mark is held. Derived from
-- session_mark, which stays the legal record with its amendments; the nightly post writes both in one
-- transaction. Evaluations read 1,000 of these rows for a 1,000-pupil school instead of 390,000 marks.
CREATE TABLE pupil_register (
    pupil_id       BIGINT       NOT NULL,
    academic_year  SMALLINT     NOT NULL,
    school_id      VARCHAR(64)  NOT NULL,
    sessions       VARCHAR(732) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    PRIMARY KEY (pupil_id, academic_year),
    CONSTRAINT fk_register_pupil FOREIGN KEY (pupil_id) REFERENCES pupil (id),
    CONSTRAINT fk_register_school FOREIGN KEY (school_id) REFERENCES school (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE INDEX ix_pupil_register_school ON pupil_register (school_id, academic_year);

-- The dates on which a school's register shows it held a session (a mark other than '#'): the calendar
-- inferred from the register, without reading every mark of the year. Derived like pupil_register.
CREATE TABLE register_day (
    school_id  VARCHAR(64)  NOT NULL,
    day        DATE         NOT NULL,
    PRIMARY KEY (school_id, day),
    CONSTRAINT fk_register_day_school FOREIGN KEY (school_id) REFERENCES school (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
