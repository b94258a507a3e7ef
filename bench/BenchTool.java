import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import uk.attendance.attendance.AcademicYear;
import uk.attendance.attendance.CompactRegister;
import uk.attendance.demo.DemoPupil;
import uk.attendance.demo.DemoSchoolGenerator;
import uk.attendance.demo.SchoolPhase;
import uk.attendance.pupil.PupilRequest;

/**
 * The benchmark's database side, run by bench/bench.py as a single-file program on the packaged service's
 * classpath (the product's generator and the same JDBC driver), straight against the service's database:
 *
 * <pre>
 * jdbc-baseline URL SCHOOL CSV        time a plain JDBC batch insert of CSV's rows (upn,date,session,code) into a
 *                                     scratch copy of session_mark; prints {"rows": n, "seconds": s}
 * la-pupils DIR PREFIX SCHOOLS PUPILS YEAR SEED
 *                                     write each local-authority school's roll as DIR/&lt;school&gt;.json (a PUT pupils body)
 * la-registers URL PREFIX SCHOOLS PUPILS DAYS YEAR SEED THREADS MARKS_SCHOOLS
 *                                     write the first DAYS school days of each school's register as the post derives
 *                                     them (pupil_register, register_day), and the marks themselves (session_mark)
 *                                     for the first MARKS_SCHOOLS schools (set-up, not a measured figure);
 *                                     prints {"marks": n, "rows": n, "legalRows": n, "seconds": s}
 * reset-day URL PREFIX DATE          put the schools whose id starts with PREFIX back as they stood the night before
 *                                     DATE: their actions whose condition was first met on DATE or later deleted,
 *                                     and their evaluated pupils judged up to the day before DATE
 * </pre>
 */
public final class BenchTool {

    private static final int JDBC_BATCH = 1000;
    private static final SchoolPhase PHASE = SchoolPhase.SECONDARY;
    private static final String RECORDED_BY = "benchmark";
    private static final String LA_SOURCE = "benchmark set-up";

    private BenchTool() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            usage();
        }
        switch (args[0]) {
            case "jdbc-baseline" -> {
                need(args, 4);
                jdbcBaseline(args[1], args[2], Path.of(args[3]));
            }
            case "la-pupils" -> {
                need(args, 7);
                laPupils(Path.of(args[1]), args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]),
                        Integer.parseInt(args[5]), Long.parseLong(args[6]));
            }
            case "la-registers" -> {
                need(args, 10);
                laRegisters(args[1], args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]), Integer.parseInt(args[5]),
                        Integer.parseInt(args[6]), Long.parseLong(args[7]), Integer.parseInt(args[8]), Integer.parseInt(args[9]));
            }
            case "reset-day" -> {
                need(args, 4);
                resetDay(args[1], args[2], LocalDate.parse(args[3]));
            }
            default -> usage();
        }
    }

    // --- Baseline: the storage limit --------------------------------------------------------------------

    /**
     * The same rows the service stores for a post, inserted the plainest fast way: one prepared INSERT,
     * JDBC batches of 1,000 on the driver's defaults (its bulk protocol for inserts), one transaction,
     * into an empty table with session_mark's columns, keys, index and foreign keys. Only the inserts and
     * the commit are timed; reading the file and finding the pupils' ids are not.
     */
    private static void jdbcBaseline(String url, String schoolId, Path csv) throws SQLException, IOException {
        try (Connection connection = connect(url)) {
            Map<String, Long> pupilIds = pupilIds(connection, schoolId);
            List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
            int rows = lines.size() - 1;
            long[] pupil = new long[rows];
            Date[] date = new Date[rows];
            String[] session = new String[rows];
            String[] code = new String[rows];
            for (int i = 0; i < rows; i++) {
                String[] field = lines.get(i + 1).split(",", -1);
                Long id = pupilIds.get(field[0]);
                if (id == null) {
                    throw new IllegalArgumentException("No pupil " + field[0] + " in school " + schoolId);
                }
                pupil[i] = id;
                date[i] = Date.valueOf(field[1]);
                session[i] = field[2];
                code[i] = field[3];
            }
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("DROP TABLE IF EXISTS bench_jdbc_mark");
                ddl.execute("CREATE TABLE bench_jdbc_mark LIKE session_mark");
                ddl.execute("ALTER TABLE bench_jdbc_mark"
                        + " ADD CONSTRAINT fk_bench_jdbc_mark_pupil FOREIGN KEY (pupil_id) REFERENCES pupil (id),"
                        + " ADD CONSTRAINT fk_bench_jdbc_mark_school FOREIGN KEY (school_id) REFERENCES school (id)");
            }
            Timestamp now = Timestamp.from(Instant.now());
            connection.setAutoCommit(false);
            long started = System.nanoTime();
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO bench_jdbc_mark"
                    + " (id, school_id, pupil_id, mark_date, session, code, recorded_at, recorded_by, source)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (int i = 0; i < rows; i++) {
                    insert.setLong(1, i + 1L);
                    insert.setString(2, schoolId);
                    insert.setLong(3, pupil[i]);
                    insert.setDate(4, date[i]);
                    insert.setString(5, session[i]);
                    insert.setString(6, code[i]);
                    insert.setTimestamp(7, now);
                    insert.setString(8, RECORDED_BY);
                    insert.setString(9, "JDBC baseline");
                    insert.addBatch();
                    if ((i + 1) % JDBC_BATCH == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            connection.commit();
            double seconds = (System.nanoTime() - started) / 1e9;
            connection.setAutoCommit(true);
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("DROP TABLE bench_jdbc_mark");
            }
            System.out.printf(Locale.ROOT, "{\"rows\": %d, \"seconds\": %.4f}%n", rows, seconds);
        }
    }

    // --- The local authority ----------------------------------------------------------------------------

    private static String schoolId(String prefix, int school) {
        return String.format(Locale.ROOT, "%s%03d", prefix, school);
    }

    private static void laPupils(Path dir, String prefix, int schools, int pupils, int year, long seed) throws IOException {
        Files.createDirectories(dir);
        ObjectMapper json = new ObjectMapper();
        DemoSchoolGenerator generator = new DemoSchoolGenerator(seed);
        for (int s = 1; s <= schools; s++) {
            String schoolId = schoolId(prefix, s);
            List<PupilRequest> roll = generator.pupils(schoolId, PHASE, pupils, year).stream().map(BenchTool::request).toList();
            json.writeValue(dir.resolve(schoolId + ".json").toFile(), roll);
        }
    }

    /**
     * Writes each school's register as the nightly post derives it: one compact row per pupil (the product's own
     * {@link CompactRegister} encoding) and the days the school held sessions. An evaluation reads nothing else of
     * the register, so the 19.6 million marks of a 100-school authority are written as session_mark rows only for
     * the first {@code marksSchools} schools, which the benchmark then has the service verify against their compact
     * rows. The marks go in with LOAD DATA, unique and foreign-key checks off, ids a block past session_mark_seq.
     */
    private static void laRegisters(String url, String prefix, int schools, int pupils, int days, int year, long seed, int threads,
            int marksSchools) throws Exception {
        List<LocalDate> schoolDays = DemoSchoolGenerator.academicYearSchoolDays(year).subList(0, days);
        DemoSchoolGenerator generator = new DemoSchoolGenerator(seed);
        long perSchool = 2L * pupils * days;
        long firstId;
        try (Connection connection = connect(url); Statement sequence = connection.createStatement();
             ResultSet next = sequence.executeQuery("SELECT NEXT VALUE FOR session_mark_seq")) {
            next.next();
            firstId = next.getLong(1) + 1;
        }
        AtomicLong marks = new AtomicLong();
        AtomicLong rows = new AtomicLong();
        AtomicLong legalRows = new AtomicLong();
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> loads = new ArrayList<>();
            for (int s = 1; s <= schools; s++) {
                String schoolId = schoolId(prefix, s);
                long schoolFirstId = firstId + (s - 1) * perSchool;
                boolean legal = s <= marksSchools;
                loads.add(pool.submit(() -> {
                    long[] written = loadSchoolRegister(url, schoolId, generator, pupils, year, schoolDays, legal, schoolFirstId);
                    marks.addAndGet(written[0]);
                    rows.addAndGet(written[1]);
                    legalRows.addAndGet(written[2]);
                    return null;
                }));
            }
            for (Future<?> load : loads) {
                load.get();
            }
        } finally {
            pool.shutdownNow();
        }
        try (Connection connection = connect(url); Statement sequence = connection.createStatement()) {
            sequence.execute("SELECT SETVAL(session_mark_seq, " + (firstId + schools * perSchool) + ")");
        }
        System.out.printf(Locale.ROOT, "{\"marks\": %d, \"rows\": %d, \"legalRows\": %d, \"seconds\": %.4f}%n",
                marks.get(), rows.get(), legalRows.get(), (System.nanoTime() - started) / 1e9);
    }

    /** Returns the marks generated, the compact rows written and the session_mark rows written. */
    private static long[] loadSchoolRegister(String url, String schoolId, DemoSchoolGenerator generator, int pupils, int year,
            List<LocalDate> schoolDays, boolean legal, long firstId) throws SQLException {
        List<DemoPupil> roll = generator.pupils(schoolId, PHASE, pupils, year);
        String recordedAt = Timestamp.from(Instant.now()).toString();
        int academicYear = AcademicYear.containing(schoolDays.get(0)).startYear();
        try (Connection connection = connect(url + (url.contains("?") ? "&" : "?") + "allowLocalInfile=true")) {
            Map<String, Long> pupilIds = pupilIds(connection, schoolId);
            Map<String, char[]> registers = new HashMap<>();
            TreeSet<LocalDate> held = new TreeSet<>();
            ByteArrayOutputStream tsv = new ByteArrayOutputStream();
            long[] id = {firstId};
            long[] generated = {0};
            generator.forEachMark(schoolId, PHASE, roll, schoolDays, mark -> {
                char[] sessions = registers.computeIfAbsent(mark.upn(), upn -> {
                    char[] empty = new char[CompactRegister.MAX_SESSIONS];
                    Arrays.fill(empty, CompactRegister.NO_MARK);
                    return empty;
                });
                sessions[CompactRegister.position(mark.date(), mark.session())] = CompactRegister.symbol(mark.code());
                if (mark.code().isSchoolSession()) {
                    held.add(mark.date());
                }
                generated[0]++;
                if (legal) {
                    String row = id[0]++ + "\t" + schoolId + "\t" + pupilIds.get(mark.upn()) + "\t" + mark.date() + "\t"
                            + mark.session() + "\t" + mark.code().mark().replace("\\", "\\\\") + "\t" + recordedAt + "\t"
                            + RECORDED_BY + "\t" + LA_SOURCE + "\n";
                    tsv.writeBytes(row.getBytes(StandardCharsets.UTF_8));
                }
            });
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO pupil_register (pupil_id, academic_year, school_id, sessions) VALUES (?, ?, ?, ?)");
                 PreparedStatement day = connection.prepareStatement("INSERT INTO register_day (school_id, day) VALUES (?, ?)")) {
                for (Map.Entry<String, char[]> register : registers.entrySet()) {
                    char[] sessions = register.getValue();
                    int length = sessions.length;
                    while (length > 0 && sessions[length - 1] == CompactRegister.NO_MARK) {
                        length--;
                    }
                    insert.setLong(1, pupilIds.get(register.getKey()));
                    insert.setInt(2, academicYear);
                    insert.setString(3, schoolId);
                    insert.setString(4, new String(sessions, 0, length));
                    insert.addBatch();
                }
                insert.executeBatch();
                for (LocalDate date : held) {
                    day.setString(1, schoolId);
                    day.setDate(2, Date.valueOf(date));
                    day.addBatch();
                }
                day.executeBatch();
            }
            connection.commit();
            connection.setAutoCommit(true);
            long legalRows = 0;
            if (legal) {
                try (Statement load = connection.createStatement()) {
                    load.execute("SET SESSION unique_checks = 0, foreign_key_checks = 0");
                    load.unwrap(org.mariadb.jdbc.Statement.class).setLocalInfileInputStream(new ByteArrayInputStream(tsv.toByteArray()));
                    legalRows = load.executeLargeUpdate("LOAD DATA LOCAL INFILE 'marks.tsv' INTO TABLE session_mark"
                            + " (id, school_id, pupil_id, mark_date, session, code, recorded_at, recorded_by, source)");
                }
            }
            return new long[] {generated[0], registers.size(), legalRows};
        }
    }

    /**
     * Undoes the evaluation of DATE, so that the next evaluation as of DATE is the night's: each pupil's newest day
     * judged, with the actions of the days before it in place. A pupil never evaluated stays so (judged from nothing).
     */
    private static void resetDay(String url, String prefix, LocalDate date) throws SQLException {
        try (Connection connection = connect(url);
             PreparedStatement decisions = connection.prepareStatement("DELETE d FROM action_decision d"
                     + " JOIN recommended_action a ON a.id = d.action_id WHERE a.school_id LIKE ? AND a.condition_met_on >= ?");
             PreparedStatement actions = connection.prepareStatement("DELETE FROM recommended_action"
                     + " WHERE school_id LIKE ? AND condition_met_on >= ?");
             PreparedStatement judged = connection.prepareStatement("UPDATE pupil_evaluation e JOIN pupil p ON p.id = e.pupil_id"
                     + " SET e.evaluated_to = ?, e.dirty_from = NULL WHERE p.school_id LIKE ?")) {
            connection.setAutoCommit(false);
            decisions.setString(1, prefix + "%");
            decisions.setDate(2, Date.valueOf(date));
            decisions.executeUpdate();
            actions.setString(1, prefix + "%");
            actions.setDate(2, Date.valueOf(date));
            int deleted = actions.executeUpdate();
            judged.setDate(1, Date.valueOf(date.minusDays(1)));
            judged.setString(2, prefix + "%");
            int pupils = judged.executeUpdate();
            connection.commit();
            System.out.printf(Locale.ROOT, "{\"deleted\": %d, \"pupils\": %d}%n", deleted, pupils);
        }
    }

    // --- Helpers ----------------------------------------------------------------------------------------

    /** The embedded database's account and password come in the URL (user=, password=), read from its data directory. */
    private static Connection connect(String url) throws SQLException {
        return url.contains("user=") ? DriverManager.getConnection(url) : DriverManager.getConnection(url, "root", "");
    }

    private static Map<String, Long> pupilIds(Connection connection, String schoolId) throws SQLException {
        Map<String, Long> ids = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT upn, id FROM pupil WHERE school_id = ?")) {
            select.setString(1, schoolId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        if (ids.isEmpty()) {
            throw new IllegalStateException("School " + schoolId + " has no pupils");
        }
        return ids;
    }

    private static PupilRequest request(DemoPupil pupil) {
        return new PupilRequest(pupil.upn(), pupil.givenName(), pupil.familyName(), pupil.dateOfBirth().toString(),
                pupil.yearGroup(), pupil.characteristics(),
                pupil.parents().stream().map(p -> new PupilRequest.ParentRequest(p.parentId(), p.name())).toList(),
                pupil.registrationGroup());
    }

    private static void need(String[] args, int count) {
        if (args.length != count) {
            usage();
        }
    }

    private static void usage() {
        System.err.println("usage: BenchTool jdbc-baseline URL SCHOOL CSV | la-pupils DIR PREFIX SCHOOLS PUPILS YEAR SEED"
                + " | la-registers URL PREFIX SCHOOLS PUPILS DAYS YEAR SEED THREADS MARKS_SCHOOLS | reset-day URL PREFIX DATE");
        System.exit(2);
    }
}
