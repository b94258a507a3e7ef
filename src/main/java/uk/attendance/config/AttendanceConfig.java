package uk.attendance.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Optional;

/** The service's own settings; each can come from the matching ATTENDANCE_* environment variable. */
@ConfigMapping(prefix = "attendance")
public interface AttendanceConfig {

    Db db();

    /** Where the embedded database keeps its files. */
    @WithDefault("./data")
    Path dataDir();

    /** The policy folders loaded at start and on reload. */
    @WithDefault("./policies")
    Path policiesDir();

    /** Creates one demo school per policy when the database is empty. */
    @WithDefault("false")
    boolean demo();

    /** The schools' local time zone: "today" and "a future date" are judged in it. */
    @WithDefault("Europe/London")
    ZoneId timeZone();

    /**
     * The largest request body accepted. A full year of marks for a 1,000-pupil secondary school is
     * about 390,000 marks: 12 MB as CSV and 28 MB as compact JSON.
     */
    @WithDefault("100M")
    MemorySize maxBodySize();

    /**
     * The password of user {@code admin}, created on first start with an empty database. Unset,
     * a password is generated and printed once.
     */
    Optional<String> adminPassword();

    interface Db {
        /** An external MariaDB; when absent the embedded one is started. */
        Optional<String> url();

        Optional<String> user();

        Optional<String> password();
    }
}
