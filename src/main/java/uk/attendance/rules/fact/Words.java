package uk.attendance.rules.fact;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Locale;

/** Numbers as an attendance lead reads them in a reason: "95.2%", "4.5 days", "12 sessions". */
public final class Words {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private Words() {
    }

    /** One decimal place, rounded half up as in the attendance summary. */
    public static String percent(double exact) {
        return BigDecimal.valueOf(exact).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    public static String days(double days) {
        BigDecimal d = BigDecimal.valueOf(days).stripTrailingZeros();
        return d.toPlainString() + (d.compareTo(BigDecimal.ONE) == 0 ? " day" : " days");
    }

    public static String sessions(int sessions) {
        return sessions + (sessions == 1 ? " session" : " sessions");
    }

    public static String schoolDays(int days) {
        return days + (days == 1 ? " school day" : " school days");
    }

    /** As a letter writes it: "23 October 2025". */
    public static String date(LocalDate date) {
        return DATE.format(date);
    }

    public static String list(Collection<String> items) {
        return String.join(", ", items);
    }
}
