package uk.attendance.rules.fact;

/** Where a ladder places the pupil today, e.g. "RED-AMBER ↑" or "Cause for concern level 1". */
public class PupilBand {

    private final long pupilId;
    private final String band;

    public PupilBand(long pupilId, String band) {
        this.pupilId = pupilId;
        this.band = band;
    }

    public long getPupilId() { return pupilId; }
    public String getBand() { return band; }
}
