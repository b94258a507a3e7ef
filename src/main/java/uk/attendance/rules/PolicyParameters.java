package uk.attendance.rules;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

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
