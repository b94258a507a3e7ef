package uk.attendance.security;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a caller may do. People have the first three; MIS systems authenticate with a token as {@code mis}. */
public enum Role {
    /** Everything, in every school. */
    ADMIN,
    /** Reads, validates and reloads policies. */
    AUTHOR,
    /** Reads and decides for their own schools. */
    LEAD,
    /** Posts one school's pupils, marks and interventions. */
    MIS;

    public static final String ADMIN_NAME = "admin";
    public static final String AUTHOR_NAME = "author";
    public static final String LEAD_NAME = "lead";
    public static final String MIS_NAME = "mis";

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Roles a person can be given; {@code mis} belongs to tokens only. */
    public static Optional<Role> ofPerson(String id) {
        return Arrays.stream(values()).filter(r -> r != MIS && r.id().equals(id)).findFirst();
    }
}
