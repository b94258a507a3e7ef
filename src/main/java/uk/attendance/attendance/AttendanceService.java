package uk.attendance.attendance;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import uk.attendance.problem.FieldError;
import uk.attendance.problem.ProblemException;
import uk.attendance.problem.TextInput;
import uk.attendance.pupil.Pupil;
import uk.attendance.school.School;
import uk.attendance.security.Caller;
import uk.attendance.security.SchoolAccess;

/** The nightly post: validate the whole batch, then store it exactly once. */
@ApplicationScoped
public class AttendanceService {

    private static final Logger LOG = Logger.getLogger(AttendanceService.class);
    /** A year of marks for a large school takes a while to write; the default 60 s is too short. */
    private static final int WRITE_TIMEOUT_SECONDS = 900;

    private final SchoolAccess access;
    private final Caller caller;
    private final AgroalDataSource dataSource;
    private final ObjectMapper json;
    private final Clock clock;

    AttendanceService(SchoolAccess access, Caller caller, AgroalDataSource dataSource, ObjectMapper json, Clock clock) {
        this.access = access;
        this.caller = caller;
        this.dataSource = dataSource;
        this.json = json;
        this.clock = clock;
    }

    public StoredBatch postJson(String schoolId, InputStream body, boolean historicalImport) {
        MarkBatchValidator validator = validator(schoolId, historicalImport);
        String source = MarkBodyReader.readJson(json.getFactory(), body, validator);
        checkSource(source);
        return store(schoolId, validator, source == null || source.isBlank() ? "JSON post" : source.trim());
    }

    public StoredBatch postCsv(String schoolId, InputStream body, String source, boolean historicalImport) {
        checkSource(source);
        MarkBatchValidator validator = validator(schoolId, historicalImport);
        MarkBodyReader.readCsv(body, validator);
        return store(schoolId, validator, source == null || source.isBlank() ? "CSV post" : source.trim());
    }

    /** The source is kept with every mark it brings, so it must fit its column: refused before anything is stored. */
    private static void checkSource(String source) {
        TextInput.lineProblem("source", source, TextInput.SOURCE_MAX)
                .ifPresent(problem -> {
                    throw ProblemException.invalid("No marks were stored: " + problem + ".", List.of(FieldError.of("source", problem)));
                });
    }

    private MarkBatchValidator validator(String schoolId, boolean historicalImport) {
        Map<String, Long> pupils = QuarkusTransaction.requiringNew().call(() -> {
            access.require(schoolId);
            return Pupil.idsByUpn(schoolId);
        });
        return new MarkBatchValidator(pupils, LocalDate.now(clock), historicalImport);
    }

    private StoredBatch store(String schoolId, MarkBatchValidator validator, String source) {
        if (!validator.errors().isEmpty()) {
            long badRows = validator.errors().stream().map(FieldError::index).distinct().count();
            throw ProblemException.invalid("No marks were stored: " + badRows + " of " + validator.rows()
                    + " rows have problems.", validator.errors());
        }
        if (validator.rows() == 0) {
            throw ProblemException.badRequest("The batch has no marks.");
        }
        MarkBatch batch = validator.batch();
        String who = caller.name();
        MarkWriter.Counts counts = write(schoolId, batch, source, who);
        int duplicatesInBatch = validator.rows() - batch.size();
        LOG.infof("School %s: %d marks received (%d inserted, %d amended, %d unchanged)", schoolId, validator.rows(),
                counts.inserted(), counts.amended(), counts.unchanged() + duplicatesInBatch);
        List<Long> pupilIds = new ArrayList<>();
        for (long id : batch.distinctPupilIds()) {
            pupilIds.add(id);
        }
        return new StoredBatch(validator.rows(), counts.inserted(), counts.amended(), counts.unchanged() + duplicatesInBatch,
                pupilIds, batch.lastDate());
    }

    /**
     * One transaction: the batch is stored whole or not at all. Posts for one school take turns, so each
     * sees the marks the one before it stored, and a mark is inserted or amended exactly once.
     */
    private MarkWriter.Counts write(String schoolId, MarkBatch batch, String source, String who) {
        Instant now = Instant.now(clock);
        try {
            return QuarkusTransaction.requiringNew().timeout(WRITE_TIMEOUT_SECONDS).call(() -> {
                School.lockForUpdate(schoolId, WRITE_TIMEOUT_SECONDS);
                try (Connection connection = dataSource.getConnection()) {
                    return MarkWriter.write(connection, schoolId, batch, source, who, now);
                }
            });
        } catch (RuntimeException e) {
            if (!causedByDatabase(e)) {
                throw e;
            }
            LOG.errorf(e, "School %s: storing %d marks failed and was rolled back", schoolId, batch.size());
            throw ProblemException.unavailable("No marks were stored: the database failed while storing them. A batch is"
                    + " stored whole or not at all, so it is safe to post it again.");
        }
    }

    private static boolean causedByDatabase(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException || t instanceof QuarkusTransactionException) {
                return true;
            }
        }
        return false;
    }

    /** A pupil's marks in a date range, each with its full history. */
    @Transactional
    public List<MarkView> marks(String schoolId, String upn, LocalDate from, LocalDate to) {
        Pupil pupil = access.requirePupil(schoolId, upn);
        List<SessionMark> marks = SessionMark.forPupil(pupil.id, from, to);
        Map<Long, List<MarkAmendment>> amendments = MarkAmendment.forMarks(marks.stream().map(m -> m.id).toList())
                .stream().collect(Collectors.groupingBy(a -> a.sessionMarkId));
        return marks.stream().map(mark -> {
            List<MarkAmendment> changes = amendments.getOrDefault(mark.id, List.of());
            List<MarkView.Version> history = new ArrayList<>();
            String original = changes.isEmpty() ? mark.code : changes.get(0).oldCode;
            history.add(new MarkView.Version(original, mark.recordedAt, mark.recordedBy, mark.source));
            changes.forEach(a -> history.add(new MarkView.Version(a.newCode, a.changedAt, a.changedBy, a.reason)));
            return new MarkView(mark.date, mark.session, mark.code, history);
        }).toList();
    }

    /** What was stored, and which pupils it touched (for evaluation). */
    public record StoredBatch(int received, int inserted, int amended, int unchanged, List<Long> pupilIds, LocalDate lastDate) {
    }
}
