package uk.attendance.rules.fact;

import java.time.LocalDate;

/** A recommended action raised earlier for the pupil, with its status as of the evaluation date. */
public class ActionFact {

    private final long pupilId;
    private final String type;
    private final String status;
    private final LocalDate raisedOn;
    private final String period;
    private final int schoolDaysSinceRaised;

    public ActionFact(long pupilId, String type, String status, LocalDate raisedOn, String period, int schoolDaysSinceRaised) {
        this.pupilId = pupilId;
        this.type = type;
        this.status = status;
        this.raisedOn = raisedOn;
        this.period = period;
        this.schoolDaysSinceRaised = schoolDaysSinceRaised;
    }

    public long getPupilId() { return pupilId; }
    public String getType() { return type; }
    /** OPEN, ACCEPTED, DISMISSED or COMPLETED. */
    public String getStatus() { return status; }
    public LocalDate getRaisedOn() { return raisedOn; }
    /** The academic year, or the half term for an action the ladder repeats. */
    public String getPeriod() { return period; }
    public int getSchoolDaysSinceRaised() { return schoolDaysSinceRaised; }

    @Override
    public String toString() {
        return "ActionFact[pupil " + pupilId + " " + type + " " + status + " " + raisedOn + "]";
    }
}
