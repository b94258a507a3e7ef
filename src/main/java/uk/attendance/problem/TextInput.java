package uk.attendance.problem;

import java.util.List;
import java.util.Optional;

/**
 * Free text as a client sent it (names, notes, sources), checked the same way everywhere: within the
 * length its column holds, and without control characters — NUL, escape sequences, or the bidirectional
 * overrides that make a name display as something else on a page or a printed letter.
 */
public final class TextInput {

    /** The longest note on a decision or an intervention. */
    public static final int NOTE_MAX = 2000;
    /** The longest name of a batch's source (an MIS export, a backfill). */
    public static final int SOURCE_MAX = 200;

    private TextInput() {
    }

    /** A one-line text (a name, a source, an outcome): no line breaks either. */
    public static Optional<String> lineProblem(String field, String value, int maxLength) {
        return problem(field, value, maxLength, false);
    }

    /** A note: line breaks and tabs are fine. */
    public static Optional<String> noteProblem(String field, String value, int maxLength) {
        return problem(field, value, maxLength, true);
    }

    /** Adds the problem of an optional one-line text, if any, as a field error (at {@code row} when not null). */
    public static void checkLine(List<FieldError> errors, Integer row, String field, String value, int maxLength) {
        lineProblem(field, value, maxLength).ifPresent(p -> errors.add(row == null ? FieldError.of(field, p) : FieldError.atRow(row, field, p)));
    }

    public static void checkNote(List<FieldError> errors, String field, String value, int maxLength) {
        noteProblem(field, value, maxLength).ifPresent(p -> errors.add(FieldError.of(field, p)));
    }

    private static Optional<String> problem(String field, String value, int maxLength, boolean multiline) {
        if (value == null) {
            return Optional.empty();
        }
        // Stored trimmed, so measured trimmed; but only whitespace is trimmed away unseen, never a NUL or an override.
        if (value.trim().length() > maxLength) {
            return Optional.of(field + " is at most " + maxLength + " characters, not " + value.trim().length());
        }
        String text = value.strip();
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            boolean layout = multiline && (c == '\n' || c == '\r' || c == '\t');
            if (!layout && forbidden(c)) {
                return Optional.of(field + " contains the control character U+" + String.format("%04X", c)
                        + " at position " + (i + 1) + "; remove it");
            }
            i += Character.charCount(c);
        }
        return Optional.empty();
    }

    /** C0/C1 controls, and the Unicode format characters that reorder or hide text (bidi overrides, isolates, marks). */
    private static boolean forbidden(int c) {
        return Character.getType(c) == Character.CONTROL
                || c >= 0x202A && c <= 0x202E || c >= 0x2066 && c <= 0x2069 || c == 0x200E || c == 0x200F || c == 0x061C
                || c == 0xFEFF || c >= 0xFFF9 && c <= 0xFFFB;
    }
}
