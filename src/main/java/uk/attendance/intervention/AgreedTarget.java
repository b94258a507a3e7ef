package uk.attendance.intervention;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import uk.attendance.problem.DateInput;
import uk.attendance.problem.FieldError;
import uk.attendance.problem.ProblemException;

/**
 * A target agreed with the family: attendance of at least {@code attendancePercent}, or no more than
 * {@code maxAbsentSessions} sessions missed, judged on {@code reviewOn}. Exactly one of the two measures is set.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AgreedTarget(BigDecimal attendancePercent, Integer maxAbsentSessions, LocalDate reviewOn) {

    /** The target as a request sends it; {@code reviewOn} is checked as a date not before the day it was agreed. */
    public record Request(BigDecimal attendancePercent, Integer maxAbsentSessions, String reviewOn) {

        public AgreedTarget validate(String field, LocalDate agreedOn) {
            List<FieldError> errors = new ArrayList<>();
            if ((attendancePercent == null) == (maxAbsentSessions == null)) {
                errors.add(FieldError.of(field + ".attendancePercent",
                        "a target is either attendancePercent or maxAbsentSessions, exactly one of them"));
            } else if (attendancePercent != null
                    && (attendancePercent.signum() <= 0 || attendancePercent.compareTo(BigDecimal.valueOf(100)) > 0
                        || attendancePercent.scale() > 2)) {
                errors.add(FieldError.of(field + ".attendancePercent", "attendancePercent must be above 0 and at most 100, "
                        + "with at most 2 decimal places, not " + attendancePercent.toPlainString()));
            } else if (maxAbsentSessions != null && (maxAbsentSessions < 0 || maxAbsentSessions > 1000)) {
                errors.add(FieldError.of(field + ".maxAbsentSessions", "maxAbsentSessions must be 0 to 1000, not " + maxAbsentSessions));
            }
            DateInput review = DateInput.parse(field + ".reviewOn", reviewOn, LocalDate.of(2100, 12, 31));
            if (!review.valid()) {
                errors.add(FieldError.of(field + ".reviewOn", review.problem()));
            } else if (review.date().isBefore(agreedOn) || review.date().getYear() < 1900) {
                errors.add(FieldError.of(field + ".reviewOn", field + ".reviewOn " + review.date()
                        + " is before the day the target was agreed, " + agreedOn));
            }
            if (!errors.isEmpty()) {
                throw ProblemException.invalid("The target was not recorded.", errors);
            }
            return new AgreedTarget(attendancePercent, maxAbsentSessions, review.date());
        }
    }

    void applyTo(Intervention intervention) {
        intervention.targetAttendancePercent = attendancePercent;
        intervention.targetMaxAbsentSessions = maxAbsentSessions;
        intervention.targetReviewOn = reviewOn;
    }

    static AgreedTarget of(Intervention intervention) {
        return intervention.targetReviewOn == null ? null
                : new AgreedTarget(intervention.targetAttendancePercent, intervention.targetMaxAbsentSessions, intervention.targetReviewOn);
    }
}
