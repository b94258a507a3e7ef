package uk.attendance.attendance;

import io.quarkus.hibernate.orm.panache.Panache;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import uk.attendance.db.IdList;

/**
 * Each pupil's academic year of marks kept compact (table {@code pupil_register}, one row per pupil and year,
 * see {@link CompactRegister}), and the days the school's register shows it open ({@code register_day}).
 * Both are derived from {@link SessionMark}, which stays the legal record with its amendments: the nightly
 * post writes them in the same transaction as the marks, and {@link RegisterCheck} rebuilds them from the
 * marks to compare or repair. Evaluations, summaries and pages read them instead of every mark of the year:
 * a 1,000-pupil school's year is 1,000 rows rather than 390,000.
 */
public final class PupilRegister {

    private static final int JDBC_BATCH = 1000;
    /** MariaDB's TO_DAYS('1970-01-01'): its day numbers count from year 0, LocalDate's from 1970. */
    private static final long TO_DAYS_OF_EPOCH = 719_528;

    /** A pupil's academic year: the row's key. */
    public record Key(long pupilId, int academicYear) implements Comparable<Key> {

        @Override
        public int compareTo(Key other) {
            int byPupil = Long.compare(pupilId, other.pupilId);
            return byPupil != 0 ? byPupil : Integer.compare(academicYear, other.academicYear);
        }
    }

    private PupilRegister() {
    }

    // --- Reading ------------------------------------------------------------------------------------------

    /**
     * The pupils' marks dated from {@code from} to {@code to}, by pupil, in date and session order: decoded from
     * one compact row per pupil and academic year.
     */
    public static Map<Long, List<MarkedSession>> marks(Collection<Long> pupilIds, LocalDate from, LocalDate to) {
        if (pupilIds.isEmpty() || from.isAfter(to)) {
            return Map.of();
        }
        int firstYear = AcademicYear.containing(from).startYear();
        int lastYear = AcademicYear.containing(to).startYear();
        String sql = "SELECT pupil_id, academic_year, sessions FROM pupil_register"
                + " WHERE pupil_id IN " + IdList.placeholders(pupilIds.size())
                + " AND academic_year BETWEEN ? AND ? ORDER BY pupil_id, academic_year";
        return withConnection(connection -> {
            Map<Long, List<MarkedSession>> byPupil = new HashMap<>();
            Map<Integer, YearDays> years = new HashMap<>();
            try (PreparedStatement select = connection.prepareStatement(sql)) {
                int parameter = IdList.bind(select, 1, pupilIds);
                select.setInt(parameter++, firstYear);
                select.setInt(parameter, lastYear);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        int year = rows.getInt(2);
                        YearDays days = years.computeIfAbsent(year, y -> new YearDays(new AcademicYear(y), from, to));
                        days.decode(rows.getString(3), byPupil.computeIfAbsent(rows.getLong(1), id -> new ArrayList<>()));
                    }
                }
            }
            return byPupil;
        });
    }

    /** How many of a school's sessions on one date were given one code. */
    public record CodeCount(LocalDate date, AttendanceCode code, long sessions) {
    }

    /** The whole school's sessions from {@code from} to {@code to}, counted by date and code, from its compact rows. */
    public static List<CodeCount> schoolCodeCounts(String schoolId, LocalDate from, LocalDate to) {
        AcademicYear year = AcademicYear.containing(from);
        if (!year.contains(to)) {
            throw new IllegalArgumentException("from " + from + " and to " + to + " are in different academic years");
        }
        int first = CompactRegister.position(from, Session.AM);
        int last = CompactRegister.position(to, Session.PM);
        return withConnection(connection -> {
            int[][] byDay = new int[(last - first) / 2 + 1][];
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT sessions FROM pupil_register WHERE school_id = ? AND academic_year = ?")) {
                select.setString(1, schoolId);
                select.setInt(2, year.startYear());
                select.setFetchSize(JDBC_BATCH);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        String sessions = rows.getString(1);
                        for (int p = first; p <= Math.min(last, sessions.length() - 1); p++) {
                            AttendanceCode code = CompactRegister.code(sessions.charAt(p));
                            if (code != null) {
                                int day = (p - first) / 2;
                                if (byDay[day] == null) {
                                    byDay[day] = new int[AttendanceCode.values().length];
                                }
                                byDay[day][code.ordinal()]++;
                            }
                        }
                    }
                }
            }
            List<CodeCount> result = new ArrayList<>();
            AttendanceCode[] codes = AttendanceCode.values();
            for (int day = 0; day < byDay.length; day++) {
                for (int c = 0; byDay[day] != null && c < codes.length; c++) {
                    if (byDay[day][c] > 0) {
                        result.add(new CodeCount(from.plusDays(day), codes[c], byDay[day][c]));
                    }
                }
            }
            return result;
        });
    }

    /** Dates from {@code from} to {@code to} on which the school held at least one session: its calendar of school days. */
    public static List<LocalDate> schoolDays(String schoolId, LocalDate from, LocalDate to) {
        return withConnection(connection -> {
            List<LocalDate> days = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT day FROM register_day WHERE school_id = ? AND day BETWEEN ? AND ? ORDER BY day")) {
                select.setString(1, schoolId);
                select.setObject(2, from);
                select.setObject(3, to);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        days.add(rows.getObject(1, LocalDate.class));
                    }
                }
            }
            return days;
        });
    }

    /** Every compact year of a school's pupils for the academic years given, as stored. */
    public static Map<Key, String> stored(Connection connection, String schoolId, int firstYear, int lastYear) throws SQLException {
        Map<Key, String> rows = new TreeMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT pupil_id, academic_year, sessions FROM pupil_register"
                + " WHERE school_id = ? AND academic_year BETWEEN ? AND ?")) {
            select.setString(1, schoolId);
            select.setInt(2, firstYear);
            select.setInt(3, lastYear);
            select.setFetchSize(JDBC_BATCH);
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.put(new Key(result.getLong(1), result.getInt(2)), result.getString(3));
                }
            }
        }
        return rows;
    }

    /** The school's register days as stored. */
    static Set<LocalDate> storedDays(Connection connection, String schoolId) throws SQLException {
        Set<LocalDate> days = new TreeSet<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT day FROM register_day WHERE school_id = ?")) {
            select.setString(1, schoolId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    days.add(rows.getObject(1, LocalDate.class));
                }
            }
        }
        return days;
    }

    // --- Deriving from the marks ------------------------------------------------------------------------

    /** What the compact rows and register days of a school must be, rebuilt from its marks. */
    public record Derived(Map<Key, String> years, Set<LocalDate> days) {
    }

    /** Reads every mark of the school once, in key order, and builds its compact years and register days. */
    public static Derived fromMarks(Connection connection, String schoolId) throws SQLException {
        Map<Key, char[]> years = new TreeMap<>();
        Set<LocalDate> days = new TreeSet<>();
        // Pupil by pupil through the covering index ix_session_mark_pupil_code, rather than the whole table.
        try (PreparedStatement select = connection.prepareStatement("SELECT m.pupil_id, TO_DAYS(m.mark_date), m.session, m.code"
                + " FROM pupil p JOIN session_mark m ON m.pupil_id = p.id WHERE p.school_id = ?")) {
            select.setString(1, schoolId);
            select.setFetchSize(JDBC_BATCH);
            try (ResultSet rows = select.executeQuery()) {
                Key current = null;
                char[] sessions = null;
                while (rows.next()) {
                    long pupilId = rows.getLong(1);
                    LocalDate date = LocalDate.ofEpochDay(rows.getLong(2) - TO_DAYS_OF_EPOCH);
                    AttendanceCode code = AttendanceCode.ofMark(rows.getString(4));
                    Key key = new Key(pupilId, AcademicYear.containing(date).startYear());
                    if (!key.equals(current)) {
                        current = key;
                        sessions = years.computeIfAbsent(key, k -> CompactRegister.widened(null));
                    }
                    sessions[CompactRegister.position(date, Session.valueOf(rows.getString(3)))] = CompactRegister.symbol(code);
                    if (code.isSchoolSession()) {
                        days.add(date);
                    }
                }
            }
        }
        Map<Key, String> strings = new TreeMap<>();
        years.forEach((key, sessions) -> strings.put(key, CompactRegister.trimmed(sessions)));
        return new Derived(strings, days);
    }

    /** Replaces the school's compact rows and register days with {@code derived}. */
    public static void replace(Connection connection, String schoolId, Derived derived) throws SQLException {
        try (PreparedStatement deleteYears = connection.prepareStatement("DELETE FROM pupil_register WHERE school_id = ?");
             PreparedStatement deleteDays = connection.prepareStatement("DELETE FROM register_day WHERE school_id = ?")) {
            deleteYears.setString(1, schoolId);
            deleteYears.executeUpdate();
            deleteDays.setString(1, schoolId);
            deleteDays.executeUpdate();
        }
        insertYears(connection, schoolId, derived.years());
        insertDays(connection, schoolId, derived.days());
    }

    // --- Writing with the marks -------------------------------------------------------------------------

    /**
     * Writes a stored batch into its pupils' compact years and the school's register days, on the post's own
     * connection and transaction, after its marks. Posts for a school take turns, so the rows read here are the
     * ones this post replaces.
     */
    static void apply(Connection connection, String schoolId, MarkBatch batch) throws SQLException {
        int firstYear = AcademicYear.containing(batch.firstDate()).startYear();
        int lastYear = AcademicYear.containing(batch.lastDate()).startYear();
        Map<Key, String> before = storedForPupils(connection, batch.distinctPupilIds(), firstYear, lastYear);
        Map<Key, char[]> after = new HashMap<>();
        Map<LocalDate, Boolean> heldOn = new HashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            LocalDate date = batch.date(i);
            AttendanceCode code = batch.code(i);
            Key key = new Key(batch.pupilId(i), AcademicYear.containing(date).startYear());
            char[] sessions = after.computeIfAbsent(key, k -> CompactRegister.widened(before.get(k)));
            sessions[CompactRegister.position(date, batch.session(i))] = CompactRegister.symbol(code);
            heldOn.merge(date, code.isSchoolSession(), Boolean::logicalOr);
        }
        Map<Key, String> changed = new TreeMap<>();
        after.forEach((key, sessions) -> {
            String value = CompactRegister.trimmed(sessions);
            if (!value.equals(before.get(key))) {
                changed.put(key, value);
            }
        });
        upsertYears(connection, schoolId, changed);
        Set<LocalDate> held = new TreeSet<>();
        Set<LocalDate> closedOnly = new TreeSet<>();
        heldOn.forEach((date, anySession) -> (anySession ? held : closedOnly).add(date));
        insertDays(connection, schoolId, held);
        recheckDays(connection, schoolId, closedOnly);
    }

    private static Map<Key, String> storedForPupils(Connection connection, long[] pupilIds, int firstYear, int lastYear)
            throws SQLException {
        Map<Key, String> rows = new HashMap<>();
        StringBuilder ids = new StringBuilder();
        for (long id : pupilIds) {
            ids.append(ids.isEmpty() ? "" : ",").append(id);
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT pupil_id, academic_year, sessions FROM pupil_register"
                + " WHERE pupil_id IN (" + ids + ") AND academic_year BETWEEN ? AND ?")) {
            select.setInt(1, firstYear);
            select.setInt(2, lastYear);
            select.setFetchSize(JDBC_BATCH);
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.put(new Key(result.getLong(1), result.getInt(2)), result.getString(3));
                }
            }
        }
        return rows;
    }

    private static void insertYears(Connection connection, String schoolId, Map<Key, String> rows) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO pupil_register (pupil_id, academic_year, school_id, sessions) VALUES (?, ?, ?, ?)")) {
            int pending = 0;
            for (Map.Entry<Key, String> row : rows.entrySet()) {
                insert.setLong(1, row.getKey().pupilId());
                insert.setInt(2, row.getKey().academicYear());
                insert.setString(3, schoolId);
                insert.setString(4, row.getValue());
                insert.addBatch();
                if (++pending == JDBC_BATCH) {
                    insert.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                insert.executeBatch();
            }
        }
    }

    /** New and changed rows in one batch of inserts, which the driver sends in bulk: a school's night in one round trip. */
    private static void upsertYears(Connection connection, String schoolId, Map<Key, String> rows) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("INSERT INTO pupil_register (pupil_id, academic_year, school_id,"
                + " sessions) VALUES (?, ?, ?, ?) ON DUPLICATE KEY UPDATE sessions = VALUES(sessions)")) {
            int pending = 0;
            for (Map.Entry<Key, String> row : rows.entrySet()) {
                upsert.setLong(1, row.getKey().pupilId());
                upsert.setInt(2, row.getKey().academicYear());
                upsert.setString(3, schoolId);
                upsert.setString(4, row.getValue());
                upsert.addBatch();
                if (++pending == JDBC_BATCH) {
                    upsert.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                upsert.executeBatch();
            }
        }
    }

    private static void insertDays(Connection connection, String schoolId, Collection<LocalDate> days) throws SQLException {
        if (days.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT IGNORE INTO register_day (school_id, day) VALUES (?, ?)")) {
            for (LocalDate day : days) {
                insert.setString(1, schoolId);
                insert.setDate(2, Date.valueOf(day));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Days on which the batch only closed sessions: still a school day only if another mark says so. */
    private static void recheckDays(Connection connection, String schoolId, Set<LocalDate> days) throws SQLException {
        if (days.isEmpty()) {
            return;
        }
        Set<LocalDate> stillHeld = new HashSet<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM session_mark"
                + " WHERE school_id = ? AND mark_date = ? AND code <> ? LIMIT 1")) {
            for (LocalDate day : days) {
                select.setString(1, schoolId);
                select.setDate(2, Date.valueOf(day));
                select.setString(3, AttendanceCode.CLOSED.mark());
                try (ResultSet row = select.executeQuery()) {
                    if (row.next()) {
                        stillHeld.add(day);
                    }
                }
            }
        }
        insertDays(connection, schoolId, stillHeld);
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM register_day WHERE school_id = ? AND day = ?")) {
            for (LocalDate day : days) {
                if (!stillHeld.contains(day)) {
                    delete.setString(1, schoolId);
                    delete.setDate(2, Date.valueOf(day));
                    delete.addBatch();
                }
            }
            delete.executeBatch();
        }
    }

    // --- Helpers ----------------------------------------------------------------------------------------

    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** On the current transaction's connection, read as plain JDBC values. */
    private static <T> T withConnection(Work<T> work) {
        return Panache.getEntityManager().unwrap(org.hibernate.Session.class).doReturningWork(work::run);
    }

    /** The academic year's days between two dates, shared by every row of that year that is decoded. */
    private static final class YearDays {

        private final LocalDate[] dates;
        private final int first;
        private final int last;

        YearDays(AcademicYear year, LocalDate from, LocalDate to) {
            LocalDate start = year.start();
            int days = (int) (year.end().toEpochDay() - start.toEpochDay()) + 1;
            this.dates = new LocalDate[days];
            for (int d = 0; d < days; d++) {
                dates[d] = start.plusDays(d);
            }
            this.first = 2 * (int) Math.max(0, from.toEpochDay() - start.toEpochDay());
            this.last = 2 * (int) Math.min(days - 1, to.toEpochDay() - start.toEpochDay()) + 1;
        }

        void decode(String sessions, List<MarkedSession> into) {
            int end = Math.min(last, sessions.length() - 1);
            for (int p = first; p <= end; p++) {
                char symbol = sessions.charAt(p);
                if (symbol != CompactRegister.NO_MARK) {
                    into.add(new MarkedSession(dates[p >> 1], (p & 1) == 0 ? Session.AM : Session.PM, CompactRegister.code(symbol)));
                }
            }
        }
    }
}
