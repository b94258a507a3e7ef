package uk.attendance.attendance;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.logging.Logger;
import uk.attendance.pupil.Pupil;
import uk.attendance.school.School;
import uk.attendance.security.SchoolAccess;

/**
 * Rebuilds a school's compact registers and register days from its marks (the legal record) and compares
 * them with what is stored; on request, replaces what is stored with the rebuilt rows.
 */
@ApplicationScoped
public class RegisterCheck {

    private static final Logger LOG = Logger.getLogger(RegisterCheck.class);
    /** The answer lists this many differences at most; the counts cover all of them. */
    static final int LISTED = 100;
    private static final int LOCK_WAIT_SECONDS = 900;

    private final SchoolAccess access;
    private final AgroalDataSource dataSource;

    RegisterCheck(SchoolAccess access, AgroalDataSource dataSource) {
        this.access = access;
        this.dataSource = dataSource;
    }

    /** Compares without changing anything; posts for the school wait while the marks are read. */
    public RegisterReport verify(String schoolId) {
        return run(schoolId, false);
    }

    /** Replaces the school's compact registers and register days with those rebuilt from its marks. */
    public RegisterReport rebuild(String schoolId) {
        return run(schoolId, true);
    }

    private RegisterReport run(String schoolId, boolean repair) {
        return QuarkusTransaction.requiringNew().timeout(LOCK_WAIT_SECONDS).call(() -> {
            access.require(schoolId);
            School.lockForUpdate(schoolId, LOCK_WAIT_SECONDS);
            Map<Long, String> upns = new HashMap<>();
            Pupil.idsByUpn(schoolId).forEach((upn, id) -> upns.put(id, upn));
            try (Connection connection = dataSource.getConnection()) {
                PupilRegister.Derived derived = PupilRegister.fromMarks(connection, schoolId);
                Map<PupilRegister.Key, String> stored = PupilRegister.stored(connection, schoolId, 0, Short.MAX_VALUE);
                Set<LocalDate> storedDays = PupilRegister.storedDays(connection, schoolId);
                RegisterReport report = compare(schoolId, upns, derived, stored, storedDays, repair);
                if (repair && !report.matches()) {
                    PupilRegister.replace(connection, schoolId, derived);
                }
                if (!report.matches()) {
                    LOG.warnf("School %s: compact registers differed from the marks in %d sessions and %d days%s", schoolId,
                            report.sessionsDiffering(), report.daysDiffering(), repair ? "; rebuilt from the marks" : "");
                }
                return report;
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    static RegisterReport compare(String schoolId, Map<Long, String> upns, PupilRegister.Derived derived,
            Map<PupilRegister.Key, String> stored, Set<LocalDate> storedDays, boolean repair) {
        List<RegisterReport.Difference> listed = new ArrayList<>();
        int differing = 0;
        Set<PupilRegister.Key> keys = new TreeSet<>(derived.years().keySet());
        keys.addAll(stored.keySet());
        for (PupilRegister.Key key : keys) {
            String fromMarks = derived.years().getOrDefault(key, "");
            String kept = stored.getOrDefault(key, "");
            if (fromMarks.equals(kept)) {
                continue;
            }
            LocalDate start = new AcademicYear(key.academicYear()).start();
            for (int p = 0; p < Math.max(fromMarks.length(), kept.length()); p++) {
                AttendanceCode mark = code(fromMarks, p);
                AttendanceCode compact = code(kept, p);
                if (mark == compact) {
                    continue;
                }
                differing++;
                if (listed.size() < LISTED) {
                    listed.add(new RegisterReport.Difference(upns.getOrDefault(key.pupilId(), "pupil " + key.pupilId()),
                            start.plusDays(p / 2), p % 2 == 0 ? Session.AM : Session.PM,
                            mark == null ? null : mark.mark(), compact == null ? null : compact.mark()));
                }
            }
        }
        Set<LocalDate> missingDays = new TreeSet<>(derived.days());
        missingDays.removeAll(storedDays);
        Set<LocalDate> extraDays = new TreeSet<>(storedDays);
        extraDays.removeAll(derived.days());
        return new RegisterReport(schoolId, derived.years().size(), derived.days().size(), differing, listed,
                List.copyOf(missingDays), List.copyOf(extraDays), repair && (differing > 0 || !missingDays.isEmpty() || !extraDays.isEmpty()));
    }

    private static AttendanceCode code(String sessions, int position) {
        return position < sessions.length() ? CompactRegister.code(sessions.charAt(position)) : null;
    }
}
