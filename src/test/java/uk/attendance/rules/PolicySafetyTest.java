package uk.attendance.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.kie.api.runtime.KieSession;
import uk.attendance.policy.PolicyFolder;
import uk.attendance.rules.fact.PupilFacts;

/** A policy is data: what it may name is the fact model, its parameters and plain values; the rest is refused at its line. */
class PolicySafetyTest {

    private static final String HEADER = """
            package policies.probe;

            import uk.attendance.rules.fact.*;

            global uk.attendance.rules.PolicyParameters params;

            """;

    @TempDir
    Path dir;

    static Stream<String> shippedPolicies() throws IOException {
        try (Stream<Path> folders = Files.list(Path.of("policies"))) {
            return folders.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("shippedPolicies")
    void everyShippedPolicyIsWithinTheAllowlist(String id) {
        PolicyFolder folder = PolicyFolder.read(Path.of("policies", id));
        assertThat(folder.ladder()).isNotEmpty();
        assertThat(PolicySafety.check(folder.ladder())).isEmpty();
    }

    @Test
    void theStatutoryRulesAreWithinTheAllowlist() {
        assertThat(PolicySafety.check(PolicyCompiler.statutoryRules())).isEmpty();
    }

    @Test
    void aFieldDefaultThatCallsCodeIsRefusedAtItsLineAndCreatesNothing() {
        Path target = dir.resolve("pwned-by-default");
        List<CompileError> errors = compileAndEvaluate(HostilePolicies.fieldDefault(target));
        assertThat(target).doesNotExist();
        assertThat(errors).isNotEmpty().allSatisfy(e -> assertThat(e.file()).isEqualTo("probe.drl"));
        assertThat(errors).anySatisfy(e -> {
            assertThat(e.line()).isEqualTo(HostilePolicies.CODE_LINE);
            assertThat(e.message()).contains("path").contains("plain value");
        });
    }

    @Test
    void anEnumArgumentThatCallsCodeIsRefusedAtItsLineAndCreatesNothing() {
        Path target = dir.resolve("pwned-by-enum");
        List<CompileError> errors = compileAndEvaluate(HostilePolicies.enumArgument(target));
        assertThat(target).doesNotExist();
        assertThat(errors).anySatisfy(e -> {
            assertThat(e.line()).isEqualTo(HostilePolicies.CODE_LINE);
            assertThat(e.message()).contains("Colour.RED").contains("plain value");
        });
    }

    /** What loading and then evaluating the policy would do; a refused policy never gets as far as a session. */
    private static List<CompileError> compileAndEvaluate(String drl) {
        PolicyCompiler compiler = new PolicyCompiler();
        PolicyCompiler.Compilation compilation = compiler.compile("probe", List.of(new RuleSource("probe.drl", drl)));
        if (compilation.succeeded()) {
            KieSession session = compilation.kieBase().newKieSession();
            try {
                session.insert(new PupilFacts());
                session.fireAllRules();
            } finally {
                session.dispose();
                compiler.discard(compilation.releaseId());
            }
        }
        return compilation.errors();
    }

    private static List<CompileError> check(String body) {
        return PolicySafety.check(List.of(new RuleSource("probe.drl", HEADER + body)));
    }

    private static int lineOf(String body, String fragment) {
        String all = HEADER + body;
        return PolicySafety.lineOf(all, all.indexOf(fragment));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "System.exit( 1 );",
        "java.lang.Runtime.getRuntime().exec( \"touch /tmp/x\" );",
        "new ProcessBuilder( \"sh\" ).start();",
        "java.nio.file.Files.delete( java.nio.file.Path.of( \"x\" ) );",
        "Thread.sleep( 1000 );",
        "Object o = $p.getClass().getClassLoader();",
        "Class c = PupilFacts.class;",
        "kcontext.getKieRuntime().halt();",
        "java.util.List l = new java.util.ArrayList(); l.add( java.util.Optional.of( kcontext ).get().getKieRuntime() );",
        "new java.util.Formatter( \"/tmp/x\" );",
        "java.util.ServiceLoader.load( Runnable.class );",
        "new Object() { public String toString() { return \"\"; } };",
        "javax.sql.DataSource d = null;",
        "java.net.URI u = null;",
    })
    void codeInAConsequenceOutsideTheAllowlistIsRefusedAtItsLine(String statement) {
        String body = """
                rule "Probe"
                when
                    $p : PupilFacts( possibleSessions > 0 )
                then
                    insert( new PupilBand( $p.getPupilId(), "x" ) );
                    %s
                end
                """.formatted(statement);
        assertThat(check(body)).isNotEmpty().anySatisfy(e -> {
            assertThat(e.file()).isEqualTo("probe.drl");
            assertThat(e.line()).isEqualTo(lineOf(body, statement));
            assertThat(e.message()).contains("not allowed");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "PupilFacts( java.lang.System.getenv( \"HOME\" ) != null )",
        "PupilFacts( this.class.name == \"x\" )",
        "PupilFacts( upn == Runtime.getRuntime().toString() )",
        "eval( new java.io.File( \"/tmp/x\" ).createNewFile() )",
        "$f : java.io.File( ) from java.util.List.of( )",
        "$n : Number( ) from accumulate( PupilFacts( $s : possibleSessions ), init( int x = 0; ), "
                + "action( System.exit( 0 ); ), result( x ) )",
        "PupilFacts( upn == String.valueOf( Thread.currentThread() ) )",
        "PupilFacts( period.declaringClass != null )",
        "PupilFacts( Array.getLength( characteristics.toArray() ) > 0 )",
    })
    void codeInAConditionOutsideTheAllowlistIsRefusedAtItsLine(String condition) {
        String body = """
                rule "Probe"
                when
                    %s
                then
                end
                """.formatted(condition);
        assertThat(check(body)).isNotEmpty().anySatisfy(e -> assertThat(e.line()).isEqualTo(lineOf(body, condition)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "import java.io.File;\n",
        "import java.nio.file.*;\n",
        "import function java.lang.System.exit;\n",
        "global java.sql.Connection db;\n",
        "function void touch(String p) { new java.io.File( p ).delete(); }\n",
        "function Object loader() { return Thread.currentThread().getContextClassLoader(); }\n",
        "declare Handle\n    file : java.io.File\nend\n",
        "declare Base extends java.lang.Thread\nend\n",
        "rule \"Probe\" dialect \"mvel\"\nwhen\n    PupilFacts( )\nthen\nend\n",
        "rule \"Probe\"\n@meta( java.lang.Runtime.getRuntime().exec( \"x\" ) )\nwhen\n    PupilFacts( )\nthen\nend\n",
        "rule \"Probe\" salience( java.lang.Runtime.getRuntime().availableProcessors() )\nwhen\n    PupilFacts( )\nthen\nend\n",
        "rule \"Probe\"\nwhen\n    PupilFacts( upn == \"\\u0022 + System.exit(0) + \\u0022\" )\nthen\nend\n",
    })
    void declarationsOutsideTheAllowlistAreRefused(String declaration) {
        assertThat(check(declaration)).isNotEmpty().allSatisfy(e -> {
            assertThat(e.file()).isEqualTo("probe.drl");
            assertThat(e.line()).isGreaterThan(HEADER.split("\n").length - 1);
        });
    }

    @Test
    void plainValuesTheFactModelAndModifyAreAllowed() {
        String body = """
                import java.util.List;
                import java.time.LocalDate;
                import java.math.BigDecimal;

                declare Counter
                    pupilId : long
                    label : String = "none"
                    limit : int = -3
                    period : Period = Period.PREVIOUS_HALF_TERM
                end

                declare enum Level
                    LOW("low", 1), HIGH("high", 2);
                    name : String
                    rank : int
                end

                function String percent(double value) {
                    return BigDecimal.valueOf(value).setScale(1, java.math.RoundingMode.HALF_UP).toPlainString() + "%";
                }

                rule "Probe"
                when
                    $ctx : EvaluationContext( )
                    $p : PupilFacts( possibleSessions > 0, $id : pupilId, attendancePercent < params.number( "x" ),
                                     upn not in ( "A", "B" ), asOf after $ctx.asOf || asOf == $ctx.asOf )
                    $c : Counter( pupilId == $id )
                    $visits : Number( intValue < 3 ) from accumulate( InterventionFact( pupilId == $id ), count( 1 ) )
                    $all : List( size > 0 ) from collect( PupilFacts( characteristics contains "FSM" ) )
                    not PupilBand( pupilId == $id, band matches "x.*" )
                    eval( Math.max( 1, 2 ) == 2 )
                then
                    List<String> words = new java.util.ArrayList<>();
                    words.add( percent( $p.getAttendancePercent() ) + LocalDate.of( 2025, 9, 1 ).getYear() );
                    java.util.Collections.sort( words );
                    modify( $c ) { setLabel( String.join( ",", words ) ), setLimit( (int) Math.round( 2.5 ) ) }
                    insert( new PupilBand( $id, drools.getRule().getName() + words.size() ) );
                    insert( Recommendation.of( kcontext, $p, "X" ).title( "t" ) );
                end
                """;
        assertThat(check(body)).isEmpty();
    }

    @Test
    void aParseErrorIsReportedAtItsLineAndNothingIsCompiled() {
        String body = "rule \"Probe\"\nwhen\n    PupilFacts( possibleSessions > )\nthen\nend\n";
        assertThat(check(body)).isNotEmpty().anySatisfy(e -> assertThat(e.line()).isEqualTo(lineOf(body, "PupilFacts(")));
    }
}
