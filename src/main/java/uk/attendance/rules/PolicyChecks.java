package uk.attendance.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import uk.attendance.intervention.InterventionKind;

/**
 * What the compiler cannot see but would fail every evaluation: a rule reading a parameter the policy does not
 * define, a parameter whose value is not the number the rule reads it as, a recommendation that records an
 * intervention kind that does not exist. Reported like compile errors, at the file and line that is wrong.
 */
public final class PolicyChecks {

    private static final Pattern PARAMETER_READ = Pattern.compile("\\bparams\\s*\\.\\s*(number|integer|text)\\s*\\(");
    private static final Pattern RECORDS = Pattern.compile("\\.\\s*records\\s*\\(");
    private static final Pattern QUOTED = Pattern.compile("\\G\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern NULL = Pattern.compile("\\G\\s*null\\b");
    private static final Set<String> KINDS = Arrays.stream(InterventionKind.values()).map(Enum::name).collect(Collectors.toSet());

    private PolicyChecks() {
    }

    /** Checks a policy's ladder files against its parameters file ({@code null} when it has none). */
    public static List<CompileError> check(List<RuleSource> ladder, String parametersText) {
        Map<String, Parameter> parameters = parameters(parametersText == null ? "" : parametersText);
        List<CompileError> errors = new ArrayList<>();
        for (RuleSource file : ladder) {
            String code = withoutComments(file.content());
            checkParameterReads(file.name(), code, parameters, errors);
            checkRecordedKinds(file.name(), code, errors);
        }
        return errors;
    }

    private static void checkParameterReads(String file, String code, Map<String, Parameter> parameters, List<CompileError> errors) {
        Matcher read = PARAMETER_READ.matcher(code);
        while (read.find()) {
            String accessor = read.group(1);
            Position at = position(code, read.start());
            Matcher key = QUOTED.matcher(code).region(read.end(), code.length());
            if (!key.lookingAt()) {
                errors.add(new CompileError(file, at.line(), at.column(), "params." + accessor
                        + "(...) must name its parameter in quotes, e.g. params." + accessor + "(\"stage1.days\"), so the policy can be checked when it loads"));
                continue;
            }
            String name = key.group(1);
            Parameter parameter = parameters.get(name);
            if (parameter == null) {
                errors.add(new CompileError(file, at.line(), at.column(), "parameter '" + name + "' is read here but not defined in "
                        + PolicyParameters.FILE_NAME));
                continue;
            }
            String problem = switch (accessor) {
                case "number" -> numberProblem(parameter.value());
                case "integer" -> integerProblem(parameter.value());
                default -> null;
            };
            if (problem != null) {
                errors.add(new CompileError(PolicyParameters.FILE_NAME, parameter.line(), 0, "parameter '" + name + "' is '" + parameter.value()
                        + "', but " + file + " line " + at.line() + " reads it as " + problem));
            }
        }
    }

    private static void checkRecordedKinds(String file, String code, List<CompileError> errors) {
        Matcher records = RECORDS.matcher(code);
        while (records.find()) {
            Position at = position(code, records.start() + 1);
            Matcher kind = QUOTED.matcher(code).region(records.end(), code.length());
            if (!kind.lookingAt()) {
                if (!NULL.matcher(code).region(records.end(), code.length()).lookingAt()) {
                    errors.add(new CompileError(file, at.line(), at.column(),
                            "records(...) must name the intervention kind in quotes, e.g. records(\"LETTER\", \"AT1\"), so it can be checked"));
                }
                continue;
            }
            if (!KINDS.contains(kind.group(1))) {
                errors.add(new CompileError(file, at.line(), at.column(), "records(\"" + kind.group(1)
                        + "\", ...) names no intervention kind; the kinds are " + String.join(", ", KINDS.stream().sorted().toList())));
            }
        }
    }

    private static String numberProblem(String value) {
        return DECIMAL.matcher(value).matches() ? null : "a number";
    }

    private static String integerProblem(String value) {
        try {
            Integer.parseInt(value);
            return null;
        } catch (NumberFormatException e) {
            return "a whole number";
        }
    }

    private record Parameter(String value, int line) {
    }

    private record Position(int line, int column) {
    }

    /**
     * The parameters file's keys with the line each is defined on. Values are read by {@link PolicyParameters}; this only
     * adds where each key is, so an error can point at it.
     */
    private static Map<String, Parameter> parameters(String text) {
        Map<String, String> values = PolicyParameters.parse("check", text).values();
        Map<String, Parameter> parameters = new LinkedHashMap<>();
        String[] lines = text.split("\n", -1);
        boolean continued = false;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            boolean startsEntry = !continued && !line.isEmpty() && !line.startsWith("#") && !line.startsWith("!");
            continued = line.endsWith("\\") && !line.endsWith("\\\\");
            if (!startsEntry) {
                continue;
            }
            String key = line.split("\\s*[=:\\s]", 2)[0];
            if (values.containsKey(key)) {
                parameters.putIfAbsent(key, new Parameter(values.get(key), i + 1));
            }
        }
        values.forEach((key, value) -> parameters.putIfAbsent(key, new Parameter(value, 0)));
        return parameters;
    }

    /** The text with comments blanked out, lines and columns unchanged, so a commented-out read is not checked. */
    static String withoutComments(String text) {
        StringBuilder out = new StringBuilder(text);
        int i = 0;
        while (i < out.length()) {
            char c = out.charAt(i);
            if (c == '"') {
                i++;
                while (i < out.length() && out.charAt(i) != '"' && out.charAt(i) != '\n') {
                    i += out.charAt(i) == '\\' ? 2 : 1;
                }
                i++;
            } else if (c == '/' && i + 1 < out.length() && out.charAt(i + 1) == '/') {
                while (i < out.length() && out.charAt(i) != '\n') {
                    out.setCharAt(i++, ' ');
                }
            } else if (c == '/' && i + 1 < out.length() && out.charAt(i + 1) == '*') {
                while (i < out.length() && !(out.charAt(i) == '*' && i + 1 < out.length() && out.charAt(i + 1) == '/')) {
                    if (out.charAt(i) != '\n') {
                        out.setCharAt(i, ' ');
                    }
                    i++;
                }
                if (i < out.length()) {
                    out.setCharAt(i++, ' ');
                    out.setCharAt(i++, ' ');
                }
            } else {
                i++;
            }
        }
        return out.toString();
    }

    private static Position position(String text, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new Position(line, offset - lineStart + 1);
    }
}
