package uk.attendance.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import uk.attendance.problem.FieldError;
import uk.attendance.problem.ProblemException;
import uk.attendance.rules.RuleSource;

/**
 * Files an author proposes for a policy's folder: {@code files: [{name, content}]}, each replacing the folder's file of
 * that name or added beside it. Only a ladder ({@code .drl}), the parameters file or a README may be proposed.
 */
public record CandidateFiles(List<File> files) {

    public record File(String name, String content) {
    }

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}\\.(drl|properties|md)");
    private static final int MAX_CHARS = 1_000_000;

    /** The files, checked: a 400 naming every bad one, and nothing read from a bad request. */
    public List<RuleSource> sources() {
        if (files == null) {
            throw ProblemException.invalid(FieldError.of("files", "files is required: [{name, content}], the changed files"));
        }
        List<FieldError> errors = new ArrayList<>();
        List<RuleSource> sources = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            File file = files.get(i);
            String field = "files[" + i + "]";
            if (file == null) {
                errors.add(FieldError.of(field, "a file is {name, content}"));
                continue;
            }
            if (file.name() == null || !NAME.matcher(file.name()).matches() || file.name().contains("..")) {
                errors.add(FieldError.of(field + ".name", "'" + file.name() + "' is not a policy file name: a .drl, .properties or .md "
                        + "file of the policy's own folder, letters, digits, '.', '-' and '_'"));
            } else if (file.content() == null) {
                errors.add(FieldError.of(field + ".content", "content is required"));
            } else if (file.content().length() > MAX_CHARS) {
                errors.add(FieldError.of(field + ".content", "longer than " + MAX_CHARS + " characters"));
            } else if (sources.stream().anyMatch(s -> s.name().equals(file.name()))) {
                errors.add(FieldError.of(field + ".name", "'" + file.name() + "' appears twice"));
            } else {
                sources.add(new RuleSource(file.name(), file.content().replace("\r\n", "\n")));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid("The files are not a policy's files.", errors);
        }
        return sources;
    }
}
