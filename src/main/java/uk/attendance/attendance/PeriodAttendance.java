package uk.attendance.attendance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;

/**
 * A pupil's sessions over a period, counted the DfE way. Each possible session falls in exactly one of
 * present, approved activity, authorised or unauthorised absence; late sessions ({@code L}, {@code U})
 * are counted again on their own.
 *
 * <p>With no possible sessions there is no attendance to measure: the percentages are {@link Double#NaN}
 * rather than 100 or 0, so that no threshold comparison ({@code < 90}, {@code >= 97}) holds for a pupil
 * who has not been expected in school, and PA/SA are false.
 */
public record PeriodAttendance(
        int possibleSessions,
        int presentSessions,
        int approvedActivitySessions,
        int authorisedAbsenceSessions,
        int unauthorisedAbsenceSessions,
        int lateSessions) {

    /** Missing this share of possible sessions or more is persistent absence (DfE). */
    public static final int PERSISTENT_ABSENCE_PERCENT = 10;
    /** Attendance below this is persistent absence: the line the charts draw. */
    public static final int PERSISTENT_ABSENCE_LINE = 100 - PERSISTENT_ABSENCE_PERCENT;

    private static final BigDecimal HALF_DAY = new BigDecimal("0.5");

    public PeriodAttendance {
        if (presentSessions + approvedActivitySessions + authorisedAbsenceSessions + unauthorisedAbsenceSessions
                != possibleSessions) {
            throw new IllegalArgumentException("every possible session must be present, attending or absent");
        }
    }

    /** Counts the marks dated from {@code from} to {@code to}, both inclusive. */
    public static PeriodAttendance of(Collection<MarkedSession> marks, LocalDate from, LocalDate to) {
        Tally tally = new Tally();
        for (MarkedSession mark : marks) {
            if (!mark.date().isBefore(from) && !mark.date().isAfter(to)) {
                tally.add(mark.code(), 1);
            }
        }
        return tally.total();
    }

    /** Sessions added code by code: a pupil's marks one at a time, or a whole school's count of a code at once. */
    public static final class Tally {
        private long present;
        private long approved;
        private long authorised;
        private long unauthorised;
        private long late;

        public Tally add(AttendanceCode code, long sessions) {
            switch (code.category()) {
                case PRESENT -> present += sessions;
                case APPROVED_ACTIVITY -> approved += sessions;
                case AUTHORISED_ABSENCE -> authorised += sessions;
                case UNAUTHORISED_ABSENCE -> unauthorised += sessions;
                case NOT_POSSIBLE -> { }
            }
            if (code.isLate()) {
                late += sessions;
            }
            return this;
        }

        public PeriodAttendance total() {
            return new PeriodAttendance(Math.toIntExact(present + approved + authorised + unauthorised), Math.toIntExact(present),
                    Math.toIntExact(approved), Math.toIntExact(authorised), Math.toIntExact(unauthorised), Math.toIntExact(late));
        }
    }

    public boolean hasPossibleSessions() {
        return possibleSessions > 0;
    }

    public int attendedSessions() {
        return presentSessions + approvedActivitySessions;
    }

    public int absentSessions() {
        return authorisedAbsenceSessions + unauthorisedAbsenceSessions;
    }

    /** Exact (present + approved activity) / possible × 100; NaN with no possible sessions. */
    public double attendancePercent() {
        return percentOfPossible(attendedSessions());
    }

    /** Exact absent / possible × 100; NaN with no possible sessions. */
    public double absencePercent() {
        return percentOfPossible(absentSessions());
    }

    /** Days of absence as school policies count them: a missed session is half a day. */
    public BigDecimal daysAbsent() {
        return HALF_DAY.multiply(BigDecimal.valueOf(absentSessions()));
    }

    /** Missed 10% or more of possible sessions, compared in whole numbers so 18 of 180 is exactly 10%. */
    public boolean persistentlyAbsent() {
        return hasPossibleSessions() && absentSessions() * 100 >= possibleSessions * PERSISTENT_ABSENCE_PERCENT;
    }

    /** Missed 50% or more of possible sessions. */
    public boolean severelyAbsent() {
        return hasPossibleSessions() && absentSessions() * 2 >= possibleSessions;
    }

    private double percentOfPossible(int sessions) {
        // Multiplying first keeps values like 381/400 exact (95.25) instead of 95.25000000000001.
        return hasPossibleSessions() ? 100.0 * sessions / possibleSessions : Double.NaN;
    }
}
