package uk.attendance.rules;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How a name in a policy resolves to a class, as the DRL compiler would: the types the policy
 * declares, its single-type imports, its package, {@code java.lang} and its on-demand imports.
 * When a simple name could denote several classes, any disallowed one makes it disallowed.
 */
final class PolicyNames {

    enum Kind { DECLARED, ALLOWED, DISALLOWED, UNKNOWN }

    record Resolution(Kind kind, String className) {

        static final Resolution DECLARED = new Resolution(Kind.DECLARED, null);
        static final Resolution UNKNOWN = new Resolution(Kind.UNKNOWN, null);

        static Resolution of(String className) {
            return new Resolution(PolicyAllowlist.allowed(className) ? Kind.ALLOWED : Kind.DISALLOWED, className);
        }
    }

    private final String packageName;
    private final Set<String> declared = new HashSet<>();
    private final Map<String, String> singleImports = new HashMap<>();
    private final List<String> onDemand = new ArrayList<>(List.of("java.lang"));

    PolicyNames(String packageName) {
        this.packageName = packageName == null ? "" : packageName;
    }

    void declare(String typeName) {
        declared.add(typeName);
        if (!packageName.isEmpty()) {
            declared.add(packageName + "." + typeName);
        }
    }

    void importType(String className) {
        singleImports.put(className.substring(className.lastIndexOf('.') + 1), className);
    }

    void importPackage(String packageName) {
        onDemand.add(packageName);
    }

    /** A simple name: a declared type, a class (allowed or not), or not a class at all. */
    Resolution simple(String name) {
        if (declared.contains(name)) {
            return Resolution.DECLARED;
        }
        String imported = singleImports.get(name);
        if (imported != null) {
            return PolicyAllowlist.existingClass(imported).map(Resolution::of).orElse(Resolution.UNKNOWN);
        }
        Resolution found = Resolution.UNKNOWN;
        for (String pkg : onDemand) {
            Optional<String> cls = PolicyAllowlist.existingClass(pkg + "." + name);
            if (cls.isPresent()) {
                Resolution r = Resolution.of(cls.get());
                if (r.kind() == Kind.DISALLOWED) {
                    return r;
                }
                found = r;
            }
        }
        return found;
    }

    /**
     * A dotted name, as written in a type position or at the head of an expression: the first
     * prefix that denotes a class decides. UNKNOWN means it names no class (a variable or field).
     */
    Resolution qualified(List<String> segments) {
        for (int i = 1; i <= segments.size(); i++) {
            Resolution r = i == 1 ? simple(segments.get(0))
                    : declared.contains(String.join(".", segments.subList(0, i))) ? Resolution.DECLARED
                    : PolicyAllowlist.existingClass(String.join(".", segments.subList(0, i))).map(Resolution::of)
                            .orElse(Resolution.UNKNOWN);
            if (r.kind() != Kind.UNKNOWN) {
                return r;
            }
        }
        return Resolution.UNKNOWN;
    }

    Resolution qualified(String dottedName) {
        return qualified(List.of(dottedName.trim().split("\\s*\\.\\s*")));
    }
}
