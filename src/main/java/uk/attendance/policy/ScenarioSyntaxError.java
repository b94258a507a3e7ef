package uk.attendance.policy;

/** A scenario file that cannot be read: where, and why. */
public class ScenarioSyntaxError extends RuntimeException {

    private final String file;
    private final int line;

    public ScenarioSyntaxError(String file, int line, String message) {
        super(file + " line " + line + ": " + message);
        this.file = file;
        this.line = line;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }
}
