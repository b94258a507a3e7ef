package uk.attendance.web;

import io.quarkus.qute.TemplateExtension;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.eclipse.microprofile.config.ConfigProvider;
import uk.attendance.pupil.YearGroup;
import uk.attendance.school.SchoolView;

/** How the pages write dates and figures: as a school in England writes them. */
@TemplateExtension
public final class Formats {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);
    private static final DateTimeFormatter SHORT_DATE = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.UK);

    private Formats() {
    }

    /** Read once, on first use, when configuration is up. */
    private static final class SchoolsZone {
        static final ZoneId ZONE = ConfigProvider.getConfig().getOptionalValue("attendance.time-zone", ZoneId.class)
                .orElse(ZoneId.of("Europe/London"));
    }

    /** e.g. 22 November 2026. */
    public static String ukDate(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    /** e.g. 22 Nov 2026. */
    public static String shortDate(LocalDate date) {
        return date == null ? "" : SHORT_DATE.format(date);
    }

    /** e.g. 22 Nov 2026, 08:15 in the schools' time zone. */
    public static String ukTime(Instant instant) {
        return instant == null ? "" : TIME.format(instant.atZone(SchoolsZone.ZONE));
    }

    /** A percentage as the contract displays it, e.g. 95.3%; a dash when there is nothing to measure. */
    public static String percent(BigDecimal percent) {
        return percent == null ? "—" : percent.toPlainString() + "%";
    }

    /** 4, 4.5: days of absence without a trailing .0. */
    public static String days(BigDecimal days) {
        return days == null ? "" : days.stripTrailingZeros().toPlainString();
    }

    public static String yearGroup(int yearGroup) {
        return YearGroup.label(yearGroup);
    }

    /** A value for a link's query string, e.g. a form named "7B & C". */
    public static String urlEncode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The school's page, e.g. /schools/demo-coopers. */
    public static String path(SchoolView school) {
        return "/schools/" + school.id();
    }

    /** An enum-like code in words: PARENT_MEETING → Parent meeting. */
    public static String words(String code) {
        if (code == null || code.isEmpty()) {
            return "";
        }
        String spaced = code.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }
}
