-- Time in evaluations: every school day is judged, so an evaluation needs to know, per pupil, how far
-- the register has been judged and from which day its facts have changed since.

CREATE TABLE pupil_evaluation (
    pupil_id      BIGINT        NOT NULL PRIMARY KEY,
    -- The last day judged: the next evaluation starts the day after, unless facts changed earlier.
    evaluated_to  DATE          NOT NULL,
    -- The earliest day whose facts changed since (a new or amended mark, an intervention, a decision).
    dirty_from    DATE,
    evaluated_at  TIMESTAMP(6)  NOT NULL,
    CONSTRAINT fk_evaluation_pupil FOREIGN KEY (pupil_id) REFERENCES pupil (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- The first school day, within the action's period, on which its condition held.
ALTER TABLE recommended_action ADD COLUMN condition_met_on DATE;
UPDATE recommended_action SET condition_met_on = raised_on;
ALTER TABLE recommended_action MODIFY condition_met_on DATE NOT NULL;
-- An accepted action whose condition, after amended marks, held on no day.
ALTER TABLE recommended_action ADD COLUMN basis_changed BOOLEAN NOT NULL DEFAULT FALSE;

-- Conditions met only before this date are not raised (a school onboarding mid-year); null: the
-- start of the academic year.
ALTER TABLE school ADD COLUMN actions_from DATE;
