package uk.attendance.security;

/**
 * The schools that exist, as user and token management need to know them. The school feature, which sits above
 * security (its resources are guarded by {@link Role}), provides it; security never reads schools itself.
 */
public interface KnownSchools {

    /** Does nothing for a school that exists; 400 for a malformed id, 404 for one that does not exist. */
    void require(String schoolId);

    boolean exists(String schoolId);
}
