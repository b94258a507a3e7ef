package uk.attendance.rules;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a policy may name: the fact model, its parameters and plain value types. Everything else
 * (files, network, processes, threads, reflection, class loading, the database, CDI...) is refused,
 * because a policy is data written by an author, not code the service trusts.
 */
final class PolicyAllowlist {

    static final String FACT_PACKAGE = "uk.attendance.rules.fact.";

    private static final Set<String> PARAMETERS = Set.of(PolicyParameters.class.getName());

    private static final Set<String> JAVA_LANG = Set.of(
            "Object", "String", "StringBuilder", "CharSequence", "Comparable", "Iterable", "Number", "Integer", "Long",
            "Double", "Float", "Short", "Byte", "Boolean", "Character", "Math", "StrictMath",
            "Exception", "RuntimeException", "IllegalArgumentException", "IllegalStateException", "ArithmeticException",
            "NullPointerException", "NumberFormatException", "UnsupportedOperationException", "IndexOutOfBoundsException");

    private static final Set<String> JAVA_MATH = Set.of("BigDecimal", "BigInteger", "RoundingMode", "MathContext");

    private static final Set<String> JAVA_UTIL = Set.of(
            "Collection", "List", "ArrayList", "LinkedList", "Set", "HashSet", "LinkedHashSet", "TreeSet", "SortedSet",
            "NavigableSet", "Map", "HashMap", "LinkedHashMap", "TreeMap", "SortedMap", "NavigableMap", "EnumMap", "EnumSet",
            "Queue", "Deque", "ArrayDeque", "PriorityQueue", "Iterator", "ListIterator", "Collections", "Arrays", "Objects",
            "Optional", "OptionalInt", "OptionalLong", "OptionalDouble", "Comparator", "StringJoiner", "Locale",
            "AbstractMap", "IntSummaryStatistics", "LongSummaryStatistics", "DoubleSummaryStatistics");

    /**
     * Members that reach reflection, class loading, JVM-wide state or blocking whatever type they are
     * called on; MVEL reads {@code x.class} as {@code x.getClass()}, so property names count too.
     */
    static final Set<String> FORBIDDEN_MEMBERS = Set.of(
            "getClass", "class", "getDeclaringClass", "declaringClass", "getClassLoader", "classLoader", "forName",
            "getModule", "module", "describeConstable", "resolveConstantDesc", "wait", "notify", "notifyAll", "finalize",
            "getInteger", "getLong", "getBoolean", "setDefault", "getRuntime", "runtime", "exec", "exit", "halt",
            "load", "loadLibrary", "newInstance", "invoke", "setAccessible", "getSystemClassLoader");

    private static final Map<String, Optional<String>> CLASSES = new ConcurrentHashMap<>();

    private PolicyAllowlist() {
    }

    /** Whether a class (binary name, nested classes with {@code $}) may be used by a policy. */
    static boolean allowed(String className) {
        String outer = className.contains("$") ? className.substring(0, className.indexOf('$')) : className;
        if (outer.startsWith(FACT_PACKAGE) || PARAMETERS.contains(outer)) {
            return true;
        }
        int dot = outer.lastIndexOf('.');
        String pkg = dot < 0 ? "" : outer.substring(0, dot);
        String simple = outer.substring(dot + 1);
        return switch (pkg) {
            case "java.lang" -> JAVA_LANG.contains(simple);
            case "java.math" -> JAVA_MATH.contains(simple);
            case "java.util" -> JAVA_UTIL.contains(simple);
            case "java.util.function", "java.util.stream", "java.time", "java.time.temporal", "java.time.format",
                 "java.time.chrono" -> true;
            default -> false;
        };
    }

    /**
     * The binary name of the class {@code name} denotes (a dotted name, nested classes tried with
     * {@code $}), if the service can see one. Never initialises the class: looking is not running.
     */
    static Optional<String> existingClass(String name) {
        return CLASSES.computeIfAbsent(name, PolicyAllowlist::lookUp);
    }

    private static Optional<String> lookUp(String name) {
        if (name.isEmpty() || !Character.isJavaIdentifierStart(name.charAt(0)) || name.startsWith("$")) {
            return Optional.empty();
        }
        String candidate = name;
        while (true) {
            try {
                return Optional.of(Class.forName(candidate, false, PolicyAllowlist.class.getClassLoader()).getName());
            } catch (ClassNotFoundException | LinkageError e) {
                int dot = candidate.lastIndexOf('.');
                if (dot < 0) {
                    return Optional.empty();
                }
                candidate = candidate.substring(0, dot) + "$" + candidate.substring(dot + 1);
            }
        }
    }
}
