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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
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
 * la-marks URL PREFIX SCHOOLS PUPILS DAYS YEAR SEED THREADS
 *                                     load the first DAYS school days of each school's register straight into
 *                                     session_mark (set-up, not a measured figure); prints {"rows": n, "seconds": s}
 * reset-actions URL PREFIX            delete the recommended actions of the schools whose id starts with PREFIX
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
            case "la-marks" -> {
                need(args, 9);
                laMarks(args[1], args[2], Integer.parseInt(args[3]), Integer.parseInt(args[4]), Integer.parseInt(args[5]),
                        Integer.parseInt(args[6]), Long.parseLong(args[7]), Integer.parseInt(args[8]));
            }
            case "reset-actions" -> {
                need(args, 3);
                resetActions(args[1], args[2]);
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
     * Writes each school's marks with LOAD DATA, unique and foreign-key checks off: loading an authority is
     * set-up, and this is the fastest way MariaDB offers. The rows are those the service would store; their
     * ids are a block past session_mark_seq's next value, and the sequence is moved past the block after.
     */
    private static void laMarks(String url, String prefix, int schools, int pupils, int days, int year, long seed, int threads)
            throws Exception {
        List<LocalDate> schoolDays = DemoSchoolGenerator.academicYearSchoolDays(year).subList(0, days);
        DemoSchoolGenerator generator = new DemoSchoolGenerator(seed);
        long perSchool = 2L * pupils * days;
        long firstId;
        try (Connection connection = connect(url); Statement sequence = connection.createStatement();
             ResultSet next = sequence.executeQuery("SELECT NEXT VALUE FOR session_mark_seq")) {
            next.next();
            firstId = next.getLong(1) + 1;
        }
        AtomicLong rows = new AtomicLong();
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> loads = new ArrayList<>();
            for (int s = 1; s <= schools; s++) {
                String schoolId = schoolId(prefix, s);
                long schoolFirstId = firstId + (s - 1) * perSchool;
                loads.add(pool.submit(() -> {
                    rows.addAndGet(loadSchoolMarks(url, schoolId, generator, pupils, year, schoolDays, schoolFirstId));
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
        System.out.printf(Locale.ROOT, "{\"rows\": %d, \"seconds\": %.4f}%n", rows.get(), (System.nanoTime() - started) / 1e9);
    }

    private static long loadSchoolMarks(String url, String schoolId, DemoSchoolGenerator generator, int pupils, int year,
            List<LocalDate> schoolDays, long firstId) throws SQLException {
        List<DemoPupil> roll = generator.pupils(schoolId, PHASE, pupils, year);
        String recordedAt = Timestamp.from(Instant.now()).toString();
        try (Connection connection = connect(url + "?allowLocalInfile=true")) {
            Map<String, Long> pupilIds = pupilIds(connection, schoolId);
            ByteArrayOutputStream tsv = new ByteArrayOutputStream();
            long[] id = {firstId};
            generator.forEachMark(schoolId, PHASE, roll, schoolDays, mark -> {
                String row = id[0]++ + "\t" + schoolId + "\t" + pupilIds.get(mark.upn()) + "\t" + mark.date() + "\t"
                        + mark.session() + "\t" + mark.code().mark().replace("\\", "\\\\") + "\t" + recordedAt + "\t"
                        + RECORDED_BY + "\t" + LA_SOURCE + "\n";
                tsv.writeBytes(row.getBytes(StandardCharsets.UTF_8));
            });
            try (Statement load = connection.createStatement()) {
                load.execute("SET SESSION unique_checks = 0, foreign_key_checks = 0");
                load.unwrap(org.mariadb.jdbc.Statement.class).setLocalInfileInputStream(new ByteArrayInputStream(tsv.toByteArray()));
                return load.executeLargeUpdate("LOAD DATA LOCAL INFILE 'marks.tsv' INTO TABLE session_mark"
                        + " (id, school_id, pupil_id, mark_date, session, code, recorded_at, recorded_by, source)");
            }
        }
    }

    private static void resetActions(String url, String prefix) throws SQLException {
        try (Connection connection = connect(url);
             PreparedStatement decisions = connection.prepareStatement("DELETE d FROM action_decision d"
                     + " JOIN recommended_action a ON a.id = d.action_id WHERE a.school_id LIKE ?");
             PreparedStatement actions = connection.prepareStatement("DELETE FROM recommended_action WHERE school_id LIKE ?")) {
            decisions.setString(1, prefix + "%");
            decisions.executeUpdate();
            actions.setString(1, prefix + "%");
            System.out.printf(Locale.ROOT, "{\"deleted\": %d}%n", actions.executeUpdate());
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
                pupil.parents().stream().map(p -> new PupilRequest.ParentRequest(p.parentId(), p.name())).toList());
    }

    private static void need(String[] args, int count) {
        if (args.length != count) {
            usage();
        }
    }

    private static void usage() {
        System.err.println("usage: BenchTool jdbc-baseline URL SCHOOL CSV | la-pupils DIR PREFIX SCHOOLS PUPILS YEAR SEED"
                + " | la-marks URL PREFIX SCHOOLS PUPILS DAYS YEAR SEED THREADS | reset-actions URL PREFIX");
        System.exit(2);
    }
}
