package uk.attendance.rules.fact;

import java.time.LocalDate;

/** A session still coded {@code N} (reason not yet established) on the evaluation date. */
public class UnresolvedNCode {

    private final long pupilId;
    private final LocalDate date;
    private final String session;
    private final int schoolDaysSince;

    public UnresolvedNCode(long pupilId, LocalDate date, String session, int schoolDaysSince) {
        this.pupilId = pupilId;
        this.date = date;
        this.session = session;
        this.schoolDaysSince = schoolDaysSince;
    }

    public long getPupilId() { return pupilId; }
    public LocalDate getDate() { return date; }
    public String getSession() { return session; }
    /** School days after the session's date, up to and including the evaluation date. */
    public int getSchoolDaysSince() { return schoolDaysSince; }
}
