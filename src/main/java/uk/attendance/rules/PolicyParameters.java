package uk.attendance.rules;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import uk.attendance.attendance.AttendanceCode;

/**
 * A policy's numbers (thresholds, monitoring periods), read from its {@code parameters.properties}
 * and given to its rules as the global {@code params}, so a policy author changes a number without
 * touching a rule.
 */
public final class PolicyParameters {

    public static final String FILE_NAME = "parameters.properties";

    private final String policyId;
    private final Map<String, String> values;

    private PolicyParameters(String policyId, Map<String, String> values) {
        this.policyId = policyId;
        this.values = Map.copyOf(values);
    }

    public static PolicyParameters parse(String policyId, String propertiesText) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(propertiesText == null ? "" : propertiesText));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> values = new TreeMap<>();
        properties.stringPropertyNames().forEach(key -> values.put(key, properties.getProperty(key).trim()));
        return new PolicyParameters(policyId, values);
    }

    public static PolicyParameters none(String policyId) {
        return new PolicyParameters(policyId, Map.of());
    }

    public double number(String key) {
        String value = text(key);
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("Policy '" + policyId + "': parameter '" + key + "' must be a number, not '" + value + "'");
        }
    }

    public int integer(String key) {
        String value = text(key);
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("Policy '" + policyId + "': parameter '" + key + "' must be a whole number, not '" + value + "'");
        }
    }

    /**
     * A named set of attendance codes, e.g. {@code codes.unexplained=N, O}: which marks a definition of the policy
     * counts (an "unexplained" absence, a day of absence, holiday). Every code must be a national code.
     */
    public Set<String> codes(String key) {
        SortedSet<String> codes = new TreeSet<>();
        for (String code : text(key).split(",")) {
            String mark = code.trim();
            if (mark.isEmpty()) {
                continue;
            }
            Optional<AttendanceCode> known = AttendanceCode.fromMark(mark, true);
            if (known.isEmpty()) {
                throw new IllegalStateException("Policy '" + policyId + "': parameter '" + key + "' lists '" + mark
                        + "', which is not an attendance code");
            }
            codes.add(known.get().mark());
        }
        return Collections.unmodifiableSortedSet(codes);
    }

    /** Every {@code codes.*} parameter that names something other than attendance codes, as load errors. */
    public List<CompileError> codeSetErrors() {
        return values.keySet().stream().filter(key -> key.startsWith("codes."))
                .flatMap(key -> {
                    try {
                        codes(key);
                        return Stream.<CompileError>empty();
                    } catch (IllegalStateException e) {
                        return Stream.of(new CompileError(FILE_NAME, 0, 0, e.getMessage()));
                    }
                })
                .toList();
    }

    /** A comma-separated list of names, e.g. the letter types that count as a written warning. */
    public List<String> list(String key) {
        return Arrays.stream(text(key).split(",")).map(String::trim).filter(item -> !item.isEmpty()).toList();
    }

    public String text(String key) {
        String value = values.get(key);
        if (value == null) {
            throw new IllegalStateException("Policy '" + policyId + "' has no parameter '" + key + "' in " + FILE_NAME);
        }
        return value;
    }

    public Map<String, String> values() {
        return values;
    }
}
