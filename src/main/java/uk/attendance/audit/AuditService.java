package uk.attendance.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import uk.attendance.pupil.Pupil;
import uk.attendance.pupil.PupilVersion;
import uk.attendance.security.SchoolAccess;

@ApplicationScoped
public class AuditService {

    /** Reads listed, newest first; older ones stay in the database. */
    static final int READS_SHOWN = 500;

    private final SchoolAccess access;

    AuditService(SchoolAccess access) {
        this.access = access;
    }

    @Transactional
    public PupilAudit pupil(String schoolId, String upn) {
        Pupil pupil = access.requirePupil(schoolId, upn);
        List<PupilAudit.Change> changes = new ArrayList<>();
        PupilAudit.Details before = null;
        for (PupilVersion version : PupilVersion.history(pupil.id)) {
            PupilAudit.Details details = new PupilAudit.Details(version.givenName, version.familyName, version.dateOfBirth,
                    version.yearGroup, version.characteristicList(), version.parentList());
            changes.add(new PupilAudit.Change(version.recordedAt, version.recordedBy, differences(before, details), details));
            before = details;
        }
        List<PupilAudit.Read> reads = PupilRead.recent(schoolId, pupil.upn, READS_SHOWN).stream()
                .map(r -> new PupilAudit.Read(r.readAt, r.readBy, r.what)).toList();
        Collections.reverse(changes);
        return new PupilAudit(schoolId, pupil.upn, changes, reads);
    }

    private static List<PupilAudit.FieldChange> differences(PupilAudit.Details before, PupilAudit.Details after) {
        List<PupilAudit.FieldChange> changed = new ArrayList<>();
        compare(changed, "givenName", before == null ? null : before.givenName(), after.givenName());
        compare(changed, "familyName", before == null ? null : before.familyName(), after.familyName());
        compare(changed, "dateOfBirth", before == null ? null : before.dateOfBirth(), after.dateOfBirth());
        compare(changed, "yearGroup", before == null ? null : before.yearGroup(), after.yearGroup());
        compare(changed, "characteristics", before == null ? null : before.characteristics(), after.characteristics());
        compare(changed, "parents", before == null ? null : before.parents(), after.parents());
        return changed;
    }

    private static void compare(List<PupilAudit.FieldChange> changed, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changed.add(new PupilAudit.FieldChange(field, before, after));
        }
    }
}
