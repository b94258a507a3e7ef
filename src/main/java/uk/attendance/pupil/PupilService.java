package uk.attendance.pupil;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import uk.attendance.problem.DateInput;
import uk.attendance.problem.FieldError;
import uk.attendance.problem.ProblemException;
import uk.attendance.problem.TextInput;
import uk.attendance.security.Caller;

@ApplicationScoped
public class PupilService {

    private final SchoolAccess access;
    private final Caller caller;
    private final Clock clock;

    PupilService(SchoolAccess access, Caller caller, Clock clock) {
        this.access = access;
        this.caller = caller;
        this.clock = clock;
    }

    /** Creates or updates every pupil in the batch, or none of them if any row is bad. */
    @Transactional
    public UpsertResult upsert(String schoolId, List<PupilRequest> batch) {
        access.require(schoolId);
        if (batch == null) {
            throw ProblemException.badRequest("The body must be a JSON array of pupils.");
        }
        List<ValidPupil> valid = validate(batch);
        Map<String, Pupil> existing = Pupil.byUpn(schoolId, valid.stream().map(ValidPupil::upn).toList());
        Map<Long, PupilVersion> versions = PupilVersion.latest(existing.values().stream().map(p -> p.id).toList());
        Instant now = Instant.now(clock);
        int created = 0;
        int updated = 0;
        for (ValidPupil row : valid) {
            Pupil pupil = existing.get(row.upn());
            if (pupil == null) {
                pupil = new Pupil();
                pupil.schoolId = schoolId;
                pupil.upn = row.upn();
                pupil.createdAt = now;
                created++;
            } else {
                updated++;
            }
            pupil.givenName = row.request().givenName().trim();
            pupil.familyName = row.request().familyName().trim();
            pupil.dateOfBirth = row.dateOfBirth();
            pupil.yearGroup = row.yearGroup();
            pupil.registrationGroup = row.registrationGroup();
            pupil.characteristics.clear();
            pupil.characteristics.addAll(row.characteristics());
            pupil.updatedAt = now;
            replaceParents(pupil, row.request().parents());
            pupil.persist();
            // Kept only when something changed, so re-posting the same roll every night adds nothing.
            PupilVersion version = PupilVersion.of(pupil, now, caller.name());
            PupilVersion before = versions.get(pupil.id);
            if (!version.sameDetails(before)) {
                version.persist();
            }
            if (before != null && !version.sameFactsForLadders(before)) {
                // A corrected date of birth moves compulsory school age; a changed parent changes the penalty-notice cap.
                PupilEvaluation.judgeAgainFrom(pupil.id, DateInput.EARLIEST);
            }
        }
        return new UpsertResult(created, updated);
    }

    private static void replaceParents(Pupil pupil, List<PupilRequest.ParentRequest> requested) {
        Map<String, String> names = new HashMap<>();
        if (requested != null) {
            requested.forEach(p -> names.put(p.parentId().trim(), p.name().trim()));
        }
        pupil.parents.removeIf(p -> !names.containsKey(p.parentRef));
        names.forEach((ref, name) -> {
            Parent parent = pupil.parent(ref).orElseGet(() -> {
                Parent added = new Parent();
                added.pupil = pupil;
                added.parentRef = ref;
                pupil.parents.add(added);
                return added;
            });
            parent.name = name;
        });
    }

    private List<ValidPupil> validate(List<PupilRequest> batch) {
        List<FieldError> errors = new ArrayList<>();
        List<ValidPupil> valid = new ArrayList<>();
        Map<String, Integer> firstRowByUpn = new HashMap<>();
        LocalDate today = LocalDate.now(clock);
        for (int i = 0; i < batch.size(); i++) {
            PupilRequest row = batch.get(i);
            if (row == null) {
                errors.add(FieldError.atRow(i, "pupil", "a pupil is required, not null"));
                continue;
            }
            int before = errors.size();
            String upn = Upn.normalise(row.upn());
            if (upn == null || upn.isEmpty()) {
                errors.add(FieldError.atRow(i, "upn", "upn is required"));
            } else {
                Optional<String> problem = Upn.problem(upn);
                if (problem.isPresent()) {
                    errors.add(FieldError.atRow(i, "upn", problem.get()));
                } else {
                    Integer first = firstRowByUpn.putIfAbsent(upn, i);
                    if (first != null) {
                        errors.add(FieldError.atRow(i, "upn", "UPN " + upn + " appears twice in the batch (also row " + first + ")"));
                    }
                }
            }
            requireText(errors, i, "givenName", row.givenName());
            requireText(errors, i, "familyName", row.familyName());
            DateInput dateOfBirth = DateInput.parse("dateOfBirth", row.dateOfBirth(), today);
            if (!dateOfBirth.valid()) {
                errors.add(FieldError.atRow(i, "dateOfBirth", dateOfBirth.problem()));
            }
            Optional<Integer> yearGroup = row.yearGroup() == null ? Optional.empty() : YearGroup.parse(row.yearGroup());
            if (row.yearGroup() == null) {
                errors.add(FieldError.atRow(i, "yearGroup", "yearGroup is required"));
            } else if (yearGroup.isEmpty()) {
                errors.add(FieldError.atRow(i, "yearGroup", "yearGroup must be R (Reception), N (Nursery) or 1 to 14, not '" + row.yearGroup() + "'"));
            }
            String registrationGroup = row.registrationGroup() == null || row.registrationGroup().isBlank() ? null
                    : row.registrationGroup().trim();
            if (registrationGroup != null && registrationGroup.length() > 32) {
                errors.add(FieldError.atRow(i, "registrationGroup", "registrationGroup is at most 32 characters"));
            }
            Set<String> characteristics = new LinkedHashSet<>();
            if (row.characteristics() != null) {
                for (int c = 0; c < row.characteristics().size(); c++) {
                    String characteristic = row.characteristics().get(c);
                    if (characteristic == null || characteristic.isBlank() || characteristic.length() > 32) {
                        errors.add(FieldError.atRow(i, "characteristics[" + c + "]", "a characteristic is 1 to 32 characters, e.g. SEND, FSM, EAL, LAC"));
                    } else {
                        characteristics.add(characteristic.trim().toUpperCase(Locale.ROOT));
                    }
                }
            }
            if (row.parents() != null) {
                Set<String> parentIds = new HashSet<>();
                for (int p = 0; p < row.parents().size(); p++) {
                    PupilRequest.ParentRequest parent = row.parents().get(p);
                    String prefix = "parents[" + p + "]";
                    if (parent == null) {
                        errors.add(FieldError.atRow(i, prefix, "a parent is required, not null"));
                        continue;
                    }
                    if (parent.parentId() == null || parent.parentId().isBlank()) {
                        errors.add(FieldError.atRow(i, prefix + ".parentId", "parentId is required"));
                    } else if (TextInput.lineProblem("parentId", parent.parentId(), 64).isPresent()) {
                        errors.add(FieldError.atRow(i, prefix + ".parentId", TextInput.lineProblem("parentId", parent.parentId(), 64).get()));
                    } else if (!parentIds.add(parent.parentId().trim())) {
                        errors.add(FieldError.atRow(i, prefix + ".parentId", "parentId " + parent.parentId() + " appears twice for this pupil"));
                    }
                    requireText(errors, i, prefix + ".name", parent.name());
                }
            }
            if (errors.size() == before) {
                valid.add(new ValidPupil(upn, row, dateOfBirth.date(), yearGroup.orElseThrow(), registrationGroup, characteristics));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("No pupils were saved: " + errors.size() + " problem(s) in the batch.", errors);
        }
        return valid;
    }

    private static void requireText(List<FieldError> errors, int index, String field, String value) {
        if (value == null || value.isBlank()) {
            errors.add(FieldError.atRow(index, field, field + " is required"));
        } else {
            TextInput.checkLine(errors, index, field, value, 100);
        }
    }

    private record ValidPupil(String upn, PupilRequest request, LocalDate dateOfBirth, int yearGroup, String registrationGroup,
            Set<String> characteristics) {
    }
}
