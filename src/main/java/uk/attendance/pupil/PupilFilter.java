package uk.attendance.pupil;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import uk.attendance.problem.EnumInput;
import uk.attendance.problem.FieldError;
import uk.attendance.problem.ProblemException;

/**
 * What the pupils list shows: a search on names and UPN, filters that combine, an order and a page. Built from
 * query parameters, every bad one named in a 400.
 */
public record PupilFilter(String search, Integer yearGroup, String registrationGroup, String band, Boolean persistentlyAbsent,
        Boolean hasOpenActions, Sort sort, int limit, int offset) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 1000;

    public enum Sort {
        /** Lowest attendance first; pupils without a possible session last. */
        ATTENDANCE,
        NAME
    }

    public static PupilFilter all() {
        return new PupilFilter(null, null, null, null, null, null, Sort.NAME, MAX_LIMIT, 0);
    }

    public static PupilFilter parse(String search, String yearGroup, String registrationGroup, String band, String persistentlyAbsent,
            String hasOpenActions, String sort, String limit, String offset) {
        List<FieldError> errors = new ArrayList<>();
        Integer year = null;
        if (present(yearGroup)) {
            Optional<Integer> parsed = YearGroup.parse(yearGroup);
            if (parsed.isEmpty()) {
                errors.add(FieldError.of("yearGroup", "yearGroup must be R (Reception), N (Nursery) or 1 to 14, not '" + yearGroup + "'"));
            } else {
                year = parsed.get();
            }
        }
        Sort order = Sort.NAME;
        if (present(sort)) {
            order = EnumInput.parse(Sort.class, sort).orElse(null);
            if (order == null) {
                order = Sort.NAME;
                errors.add(FieldError.of("sort", EnumInput.notOneOf("sort", sort, Sort.class)));
            }
        }
        int pageSize = number(errors, "limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
        int from = number(errors, "offset", offset, 0, 0, Integer.MAX_VALUE);
        Boolean pa = bool(errors, "persistentlyAbsent", persistentlyAbsent);
        Boolean open = bool(errors, "hasOpenActions", hasOpenActions);
        String text = present(search) ? search.trim() : null;
        if (text != null && text.length() > 100) {
            errors.add(FieldError.of("search", "search is at most 100 characters"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors.get(0).message(), errors);
        }
        return new PupilFilter(text, year, present(registrationGroup) ? registrationGroup.trim() : null,
                present(band) ? band.trim() : null, pa, open, order, pageSize, from);
    }

    /** The same filter for another page. */
    public PupilFilter page(int newLimit, int newOffset) {
        return new PupilFilter(search, yearGroup, registrationGroup, band, persistentlyAbsent, hasOpenActions, sort, newLimit, newOffset);
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    private static Boolean bool(List<FieldError> errors, String field, String value) {
        if (!present(value)) {
            return null;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> {
                errors.add(FieldError.of(field, field + " must be true or false, not '" + value + "'"));
                yield null;
            }
        };
    }

    private static int number(List<FieldError> errors, String field, String value, int otherwise, int min, int max) {
        if (!present(value)) {
            return otherwise;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(FieldError.of(field, field + " must be a whole number from " + min + (max == Integer.MAX_VALUE ? " up" : " to " + max)
                + ", not '" + value + "'"));
        return otherwise;
    }
}
