-- The target a school agrees with a family, carried by an ATTENDANCE_TARGET intervention: an attendance %
-- or a maximum of absent sessions, and the date it is reviewed on.
ALTER TABLE intervention
    ADD COLUMN target_attendance_percent DECIMAL(5, 2),
    ADD COLUMN target_max_absent_sessions INT,
    ADD COLUMN target_review_on DATE;
