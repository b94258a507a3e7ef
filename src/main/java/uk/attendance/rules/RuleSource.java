package uk.attendance.rules;

/** A DRL file to compile: its name as reported in errors, and its text. */
public record RuleSource(String name, String content) {
}
