package uk.attendance.rules;

/** A rule file that does not compile: where, and what the compiler said. */
public record CompileError(String file, int line, int column, String message) {
}
