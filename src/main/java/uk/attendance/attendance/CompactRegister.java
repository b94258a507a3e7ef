package uk.attendance.attendance;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Map;

/**
 * A pupil's academic year of marks as one string, as the DfE's Common Transfer File carries
 * {@code AttendanceMarks}: one character per session, AM then PM of each calendar day from 1 September,
 * {@value #NO_MARK} where the register holds no mark. The string ends at the last marked session.
 *
 * <p>Single-character codes stand for themselves ({@code /}, {@code \}, {@code N}, {@code #}...). The
 * two-character codes of 2024 are written as one: {@code Y1}–{@code Y7} as {@code 1}–{@code 7},
 * {@code C1} as {@code c}, {@code C2} as {@code t} (part-time timetable) and {@code J1} as {@code j}.
 */
public final class CompactRegister {

    public static final char NO_MARK = '-';
    /** A leap year's 366 days of two sessions. */
    public static final int MAX_SESSIONS = 732;

    private static final Map<AttendanceCode, Character> TWO_CHARACTER_CODES = Map.of(
            AttendanceCode.Y1, '1', AttendanceCode.Y2, '2', AttendanceCode.Y3, '3', AttendanceCode.Y4, '4',
            AttendanceCode.Y5, '5', AttendanceCode.Y6, '6', AttendanceCode.Y7, '7',
            AttendanceCode.C1, 'c', AttendanceCode.C2, 't', AttendanceCode.J1, 'j');
    private static final char[] SYMBOL = new char[AttendanceCode.values().length];
    private static final AttendanceCode[] CODE = new AttendanceCode[128];

    static {
        for (AttendanceCode code : AttendanceCode.values()) {
            char symbol = code.mark().length() == 1 ? code.mark().charAt(0) : TWO_CHARACTER_CODES.getOrDefault(code, NO_MARK);
            if (symbol == NO_MARK || symbol >= CODE.length || CODE[symbol] != null) {
                throw new ExceptionInInitializerError("no distinct register symbol for code " + code.mark());
            }
            SYMBOL[code.ordinal()] = symbol;
            CODE[symbol] = code;
        }
    }

    private CompactRegister() {
    }

    public static char symbol(AttendanceCode code) {
        return SYMBOL[code.ordinal()];
    }

    /** The code a symbol stands for; {@code null} for {@link #NO_MARK}. */
    public static AttendanceCode code(char symbol) {
        AttendanceCode code = symbol < CODE.length ? CODE[symbol] : null;
        if (code == null && symbol != NO_MARK) {
            throw new IllegalArgumentException("'" + symbol + "' is not a register symbol");
        }
        return code;
    }

    /** Where a session stands in its academic year's string. */
    public static int position(LocalDate date, Session session) {
        return 2 * dayOfYear(date) + session.ordinal();
    }

    /** Days since 1 September of the date's academic year. */
    public static int dayOfYear(LocalDate date) {
        return (int) (date.toEpochDay() - AcademicYear.containing(date).start().toEpochDay());
    }

    /** A year's sessions to write marks into: the stored string, or none, widened to the longest year. */
    static char[] widened(String stored) {
        char[] sessions = new char[MAX_SESSIONS];
        Arrays.fill(sessions, NO_MARK);
        if (stored != null) {
            stored.getChars(0, stored.length(), sessions, 0);
        }
        return sessions;
    }

    /** The string to store: up to the last marked session. */
    static String trimmed(char[] sessions) {
        int length = sessions.length;
        while (length > 0 && sessions[length - 1] == NO_MARK) {
            length--;
        }
        return new String(sessions, 0, length);
    }
}
