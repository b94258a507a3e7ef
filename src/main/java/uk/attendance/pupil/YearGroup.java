package uk.attendance.pupil;

import java.util.Locale;
import java.util.Optional;

/** National curriculum year groups as MIS systems send them: "R" or 0 for Reception, 1 to 14, "N" or -1 for Nursery. */
public final class YearGroup {

    static final int NURSERY = -1;
    static final int RECEPTION = 0;
    private static final int LAST = 14;

    private YearGroup() {
    }

    static Optional<Integer> parse(Object value) {
        if (value instanceof Number number && number.doubleValue() == number.intValue()) {
            return inRange(number.intValue());
        }
        if (value instanceof String text) {
            String t = text.trim().toUpperCase(Locale.ROOT);
            if (t.equals("R") || t.equals("RECEPTION")) {
                return Optional.of(RECEPTION);
            }
            if (t.equals("N") || t.equals("NURSERY")) {
                return Optional.of(NURSERY);
            }
            if (t.startsWith("Y")) {
                t = t.substring(1);
            }
            try {
                return inRange(Integer.parseInt(t));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** How a person reads the year group: Nursery, Reception, Year 1 ... Year 14. */
    public static String label(int yearGroup) {
        return switch (yearGroup) {
            case NURSERY -> "Nursery";
            case RECEPTION -> "Reception";
            default -> "Year " + yearGroup;
        };
    }

    private static Optional<Integer> inRange(int year) {
        return year >= NURSERY && year <= LAST ? Optional.of(year) : Optional.empty();
    }
}
