package uk.attendance.school;

/** {@code actionsFrom} (optional, YYYY-MM-DD): conditions met only before it raise no action. */
public record SchoolRequest(String name, String policy, String actionsFrom) {

    public SchoolRequest(String name, String policy) {
        this(name, policy, null);
    }
}
