package uk.attendance.rules;

import java.nio.file.Path;

/**
 * Issue 10's two payloads, each a policy that wrote a file on the server when it was validated,
 * loaded or evaluated. Line 8 of each is the code.
 */
public final class HostilePolicies {

    private static final String HEADER = """
            package policies.probe;

            import uk.attendance.rules.fact.*;

            global uk.attendance.rules.PolicyParameters params;

            """;

    /** The line of each payload that carries the code. */
    public static final int CODE_LINE = 8;

    private HostilePolicies() {
    }

    /** A declared type whose field default writes {@code target} as the class is built. */
    public static String fieldDefault(Path target) {
        return HEADER + """
                declare Evil
                    path : String = java.nio.file.Files.write(java.nio.file.Path.of("%s"), new byte[0]).toString()
                end

                rule "Probe"
                when
                    Evil()
                then
                end
                """.formatted(target);
    }

    /** An enum whose constant's argument creates {@code target} as the enum is loaded. */
    public static String enumArgument(Path target) {
        return HEADER + """
                declare enum Colour
                    RED(new java.io.File("%s").createNewFile());
                    made : boolean
                end

                rule "Probe"
                when
                    PupilFacts( upn != Colour.RED.toString() )
                then
                end
                """.formatted(target);
    }
}
