package uk.attendance.problem;

import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A caller's word for one of a fixed set of values (a session, a status, a kind of intervention), read the
 * same way everywhere: trimmed, in any case; and the one wording of the error that lists what is allowed.
 */
public final class EnumInput {

    private EnumInput() {
    }

    /** The value named by {@code text} among {@code allowed}; empty if the text is blank or names none of them. */
    public static <E extends Enum<E>> Optional<E> parse(Collection<E> allowed, String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String name = text.trim().toUpperCase(Locale.ROOT);
        return allowed.stream().filter(value -> value.name().equals(name)).findFirst();
    }

    /** The value of {@code type} named by {@code text}; empty if the text is blank or names none. */
    public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String text) {
        return parse(Arrays.asList(type.getEnumConstants()), text);
    }

    /** "{@code field} must be A, B or C, not 'x'" for a value outside {@code allowed}. */
    public static String notOneOf(String field, String text, Collection<? extends Enum<?>> allowed) {
        return field + " must be " + oneOf(allowed) + ", not '" + text + "'";
    }

    public static <E extends Enum<E>> String notOneOf(String field, String text, Class<E> type) {
        return notOneOf(field, text, Arrays.asList(type.getEnumConstants()));
    }

    /** "A, B or C". */
    public static String oneOf(Collection<? extends Enum<?>> allowed) {
        List<String> names = allowed.stream().map(Enum::name).toList();
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }
}
