package uk.attendance.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import uk.attendance.attendance.PeriodAttendance;
import uk.attendance.pupil.PupilRequest;

/**
 * Writes a generated school as an MIS would send it: {@code pupils.json} (the body of
 * {@code PUT /api/schools/{id}/pupils}) and a whole academic year of marks as {@code marks.csv}
 * ({@code upn,date,session,code}), for tools outside the service such as the ingest benchmark.
 * Plain Java, no Quarkus: run it from the packaged app's classpath.
 */
public final class DemoExport {

    public static final String PUPILS_FILE = "pupils.json";
    public static final String MARKS_FILE = "marks.csv";
    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setHeader("upn", "date", "session", "code")
            .setRecordSeparator('\n').get();
    private static final String USAGE = "usage: DemoExport <output dir> <school id> <pupil count>"
            + " <academic year start, e.g. 2024> <seed> <PRIMARY|SECONDARY>";
    /** The DfE's persistent absence threshold: 10% or more of possible sessions missed. */

    private DemoExport() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 6) {
            System.err.println(USAGE);
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        String schoolId = args[1];
        int pupilCount = Integer.parseInt(args[2]);
        int academicYearStart = Integer.parseInt(args[3]);
        DemoSchoolGenerator generator = new DemoSchoolGenerator(Long.parseLong(args[4]));
        SchoolPhase phase = SchoolPhase.valueOf(args[5].toUpperCase(Locale.ROOT));

        List<LocalDate> days = DemoSchoolGenerator.academicYearSchoolDays(academicYearStart);
        List<DemoPupil> pupils = generator.pupils(schoolId, phase, pupilCount, academicYearStart);
        Files.createDirectories(dir);
        new ObjectMapper().writeValue(dir.resolve(PUPILS_FILE).toFile(),
                pupils.stream().map(DemoExport::request).toList());

        Map<String, int[]> absentAndPossible = new HashMap<>();
        long[] marks = {0};
        try (Writer out = Files.newBufferedWriter(dir.resolve(MARKS_FILE), StandardCharsets.UTF_8);
                CSVPrinter csv = CSV.print(out)) {
            generator.forEachMark(schoolId, phase, pupils, days, mark -> {
                write(csv, mark);
                marks[0]++;
                int[] counts = absentAndPossible.computeIfAbsent(mark.upn(), upn -> new int[2]);
                counts[0] += mark.code().isAbsence() ? 1 : 0;
                counts[1] += mark.code().isPossibleSession() ? 1 : 0;
            });
        }

        long absent = absentAndPossible.values().stream().mapToLong(c -> c[0]).sum();
        long possible = absentAndPossible.values().stream().mapToLong(c -> c[1]).sum();
        long persistentlyAbsent = absentAndPossible.values().stream()
                .filter(c -> c[0] * 100L >= (long) PeriodAttendance.PERSISTENT_ABSENCE_PERCENT * c[1]).count();
        String phaseName = phase.name().toLowerCase(Locale.ROOT);
        System.out.printf(Locale.UK, "Wrote %,d %s pupils (year groups %d-%d) and %,d marks (%d school days, %s to %s)"
                        + " for school '%s' to %s: absence %.1f%% (%s target %.1f%%), persistently absent %.1f%%%n",
                pupils.size(), phaseName, phase.firstYearGroup(), phase.lastYearGroup(), marks[0], days.size(),
                days.get(0), days.get(days.size() - 1), schoolId, dir, 100.0 * absent / Math.max(1, possible),
                phaseName, 100 * phase.overallAbsence(), 100.0 * persistentlyAbsent / Math.max(1, pupils.size()));
    }

    private static void write(CSVPrinter csv, DemoMark mark) {
        try {
            csv.printRecord(mark.upn(), mark.date(), mark.session(), mark.code().mark());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PupilRequest request(DemoPupil pupil) {
        return new PupilRequest(pupil.upn(), pupil.givenName(), pupil.familyName(), pupil.dateOfBirth().toString(),
                pupil.yearGroup(), pupil.characteristics(),
                pupil.parents().stream().map(p -> new PupilRequest.ParentRequest(p.parentId(), p.name())).toList(),
                pupil.registrationGroup());
    }
}
