package uk.attendance.pupil;

import java.util.Locale;
import java.util.Optional;

/**
 * The Unique Pupil Number: a check letter, then the LA number (characters 2–4), the establishment
 * number (5–8), the year allocated (9–10) and a serial (11–13). A temporary UPN, issued while the
 * permanent one is unknown, ends in a letter instead of a digit.
 *
 * <p>Validation is strict: a valid UPN is exactly 13 characters in capitals, because that is the form
 * MIS systems send and the form the product stores. Input typed by a person, or from a source that
 * lower-cases, goes through {@link #normalise(String)} first.
 */
public final class Upn {

    /** The letters a UPN may use, in check-letter order; I, O and S are left out as too easily misread. */
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRTUVWXYZ";
    private static final int LENGTH = 13;

    private Upn() {
    }

    /** Trims surrounding whitespace and upper-cases; {@code null} stays {@code null}. It does not validate. */
    public static String normalise(String upn) {
        return upn == null ? null : upn.strip().toUpperCase(Locale.ROOT);
    }

    public static boolean isValid(String upn) {
        return problem(upn).isEmpty();
    }

    /** Why {@code upn} is not a valid UPN, in words an MIS integrator can act on; empty when it is valid. */
    public static Optional<String> problem(String upn) {
        if (upn == null || upn.isEmpty()) {
            return Optional.of("UPN is missing");
        }
        if (upn.length() != LENGTH) {
            return Optional.of("UPN must be 13 characters, but '" + upn + "' has " + upn.length());
        }
        for (int i = 0; i < LENGTH; i++) {
            Optional<String> problem = characterProblem(upn, i);
            if (problem.isPresent()) {
                return problem;
            }
        }
        char expected = checkLetter(upn.substring(1));
        if (upn.charAt(0) != expected) {
            return Optional.of("UPN check letter should be '" + expected + "', not '" + upn.charAt(0)
                    + "': a character after the first is probably mistyped");
        }
        return Optional.empty();
    }

    /** The check letter for the 12 characters that follow it. */
    public static char checkLetter(String last12) {
        if (last12 == null || last12.length() != LENGTH - 1) {
            throw new IllegalArgumentException("a UPN check letter is computed from 12 characters, got '" + last12 + "'");
        }
        int sum = 0;
        for (int i = 0; i < last12.length(); i++) {
            int weight = i + 2;
            sum += value(last12.charAt(i)) * weight;
        }
        return ALPHABET.charAt(sum % ALPHABET.length());
    }

    /** The full UPN: {@code last12} prefixed with its check letter. */
    public static String of(String last12) {
        String upn = checkLetter(last12) + last12;
        problem(upn).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        return upn;
    }

    private static Optional<String> characterProblem(String upn, int index) {
        char c = upn.charAt(index);
        int position = index + 1;
        if (c == 'I' || c == 'O' || c == 'S') {
            return Optional.of("UPN contains '" + c + "' at character " + position + ", which never appears in a UPN");
        }
        if (Character.isLowerCase(c)) {
            return Optional.of("UPN must be in capitals: character " + position + " is '" + c + "'");
        }
        boolean digit = c >= '0' && c <= '9';
        boolean letter = ALPHABET.indexOf(c) >= 0;
        if (!digit && !letter) {
            return Optional.of("UPN contains '" + c + "' at character " + position
                    + "; only digits and capital letters are allowed");
        }
        if (index == 0 && !letter) {
            return Optional.of("UPN must start with its check letter, but starts with '" + c + "'");
        }
        if (index > 0 && index < LENGTH - 1 && !digit) {
            return Optional.of("UPN character " + position + " is '" + c + "', but characters 2–12 are digits"
                    + " (only a temporary UPN has a letter, and only as its last character)");
        }
        return Optional.empty();
    }

    private static int value(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        int index = ALPHABET.indexOf(c);
        if (index < 0) {
            throw new IllegalArgumentException("'" + c + "' never appears in a UPN");
        }
        return index;
    }
}
