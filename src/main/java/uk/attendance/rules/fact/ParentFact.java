package uk.attendance.rules.fact;

/** A parent or carer of the pupil, by the MIS's parent id. */
public class ParentFact {

    private final long pupilId;
    private final String parentId;

    public ParentFact(long pupilId, String parentId) {
        this.pupilId = pupilId;
        this.parentId = parentId;
    }

    public long getPupilId() { return pupilId; }
    public String getParentId() { return parentId; }
}
