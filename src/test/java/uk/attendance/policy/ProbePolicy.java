package uk.attendance.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A one-rule policy written to disk by tests that edit and reload policies. */
final class ProbePolicy {

    static final String RULE = "Probe: attendance below the threshold — probe letter";

    private ProbePolicy() {
    }

    static String drl(String threshold) {
        return """
                package policies.probe;

                import uk.attendance.rules.fact.*;

                global uk.attendance.rules.PolicyParameters params;

                rule "%s"
                when
                    $p : PupilFacts( possibleSessions > 0, attendancePercent < %s )
                then
                    insert( Recommendation.of( kcontext, $p, "PROBE_LETTER" )
                        .title( "Send the probe letter" ).stage( "Probe" )
                        .reason( "Attendance " + Words.percent( $p.getAttendancePercent() ) + " this year" )
                        .clause( "Probe policy" ).records( "LETTER", "PROBE" ) );
                end
                """.formatted(RULE, threshold);
    }

    static void write(Path folder, String drl) {
        try {
            Files.createDirectories(folder);
            Files.writeString(folder.resolve("probe.drl"), drl);
            Files.writeString(folder.resolve("parameters.properties"), "policy.name=Probe policy\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
