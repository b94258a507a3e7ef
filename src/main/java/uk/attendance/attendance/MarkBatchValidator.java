package uk.attendance.attendance;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import uk.attendance.problem.DateInput;
import uk.attendance.problem.EnumInput;
import uk.attendance.problem.FieldError;
import uk.attendance.pupil.Upn;

/**
 * Checks each row of a nightly post as it is read, keeping the good ones in a {@link MarkBatch} and
 * every bad one as a {@link FieldError}, so the caller sees all problems in one answer.
 */
final class MarkBatchValidator {

    private final Map<String, Long> pupilIdByUpn;
    private final LocalDate today;
    private final boolean historicalImport;
    private final MarkBatch batch;
    private final List<FieldError> errors = new ArrayList<>();
    /** Row index of each position in the batch, to name the earlier row of a conflicting duplicate. */
    private int[] rowOfPosition = new int[1024];
    private int rows;

    MarkBatchValidator(Map<String, Long> pupilIdByUpn, LocalDate today, boolean historicalImport) {
        this.pupilIdByUpn = pupilIdByUpn;
        this.today = today;
        this.historicalImport = historicalImport;
        this.batch = new MarkBatch();
    }

    void row(String upn, String date, String session, String code) {
        int index = rows++;
        int before = errors.size();
        Long pupilId = null;
        if (isBlank(upn)) {
            errors.add(FieldError.atRow(index, "upn", "upn is required"));
        } else {
            pupilId = pupilIdByUpn.get(upn.trim());
            if (pupilId == null) {
                errors.add(FieldError.atRow(index, "upn", Upn.problem(upn.trim())
                        .orElse("no pupil with UPN '" + upn.trim() + "' in this school; post the pupil first")));
            }
        }
        DateInput markDate = DateInput.parse("date", date, today);
        if (!markDate.valid()) {
            errors.add(FieldError.atRow(index, "date", markDate.problem()));
        }
        Session markSession = null;
        if (isBlank(session)) {
            errors.add(FieldError.atRow(index, "session", "session is required (AM or PM)"));
        } else {
            markSession = EnumInput.parse(Session.class, session).orElse(null);
            if (markSession == null) {
                errors.add(FieldError.atRow(index, "session", EnumInput.notOneOf("session", session, Session.class)));
            }
        }
        AttendanceCode markCode = null;
        if (code == null || code.isEmpty()) {
            errors.add(FieldError.atRow(index, "code", "code is required"));
        } else {
            Optional<AttendanceCode> known = AttendanceCode.fromMark(code, true);
            if (known.isEmpty()) {
                errors.add(FieldError.atRow(index, "code", "unknown attendance code '" + code + "'"));
            } else if (known.get().withdrawn() && !historicalImport) {
                errors.add(FieldError.atRow(index, "code", "attendance code '" + code
                        + "' was withdrawn in 2024; it is accepted only in a historical import (historicalImport=true)"));
            } else {
                markCode = known.get();
            }
        }
        if (errors.size() > before) {
            return;
        }
        int earlier = batch.add(pupilId, markDate.date(), markSession, markCode);
        if (earlier >= 0) {
            if (batch.code(earlier) != markCode) {
                errors.add(FieldError.atRow(index, "code", "row " + rowOfPosition[earlier] + " gives " + upn.trim() + " "
                        + markDate.date() + " " + markSession + " the code '" + batch.code(earlier).mark()
                        + "' and this row gives '" + markCode.mark() + "'"));
            }
            return;
        }
        if (batch.size() > rowOfPosition.length) {
            rowOfPosition = Arrays.copyOf(rowOfPosition, rowOfPosition.length * 2);
        }
        rowOfPosition[batch.size() - 1] = index;
    }

    int rows() {
        return rows;
    }

    List<FieldError> errors() {
        return errors;
    }

    MarkBatch batch() {
        return batch;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
