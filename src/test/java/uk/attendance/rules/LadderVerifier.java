package uk.attendance.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import uk.attendance.policy.PolicyFolder;
import uk.attendance.rules.fact.EvaluationContext;
import uk.attendance.rules.fact.PupilBand;
import uk.attendance.rules.fact.Recommendation;

/**
 * Given facts → expected actions, for one policy compiled from its folder on disk with the
 * statutory rules, in the shape of Timefold's ConstraintVerifier:
 * {@code LadderVerifier.forPolicy("coopers").given(pupil, letter).expectRecommended("AT2_LETTER")}.
 */
public final class LadderVerifier {

    private static final Map<String, LadderVerifier> COMPILED = new ConcurrentHashMap<>();
    private static final PolicyCompiler COMPILER = new PolicyCompiler();

    private final PolicyFolder folder;
    private final PolicyCompiler.Compilation compilation;

    private LadderVerifier(PolicyFolder folder) {
        this.folder = folder;
        this.compilation = COMPILER.compile(folder.id(), folder.ladder());
        assertThat(compilation.errors()).as("policy %s compiles", folder.id()).isEmpty();
    }

    /** The policy in {@code policies/<id>}, compiled once per test run. */
    public static LadderVerifier forPolicy(String policyId) {
        return COMPILED.computeIfAbsent(policyId, id -> new LadderVerifier(PolicyFolder.read(Path.of("policies", id))));
    }

    /** The statutory rules alone, compiled with an empty ladder. */
    public static LadderVerifier statutoryOnly() {
        return COMPILED.computeIfAbsent("", id -> new LadderVerifier(new PolicyFolder("statutory-only", List.of())));
    }

    public org.kie.api.KieBase kieBase() {
        return compilation.kieBase();
    }

    public PolicyParameters parameters() {
        return folder.parameters();
    }

    /** Runs the facts through the rules; an {@link EvaluationContext} is added from the first pupil if none is given. */
    public Outcome given(Object... facts) {
        List<Object> all = new ArrayList<>(Arrays.asList(facts));
        if (all.stream().noneMatch(EvaluationContext.class::isInstance)) {
            all.add(Facts.context());
        }
        return new Outcome(LadderSession.run(compilation.kieBase(), folder.parameters(), all));
    }

    public static final class Outcome {

        private final LadderSession.Outcome outcome;

        Outcome(LadderSession.Outcome outcome) {
            this.outcome = outcome;
        }

        public Outcome expectRecommended(String type) {
            assertThat(types()).as("recommended actions (rules fired: %s)", outcome.firedRules()).contains(type);
            return this;
        }

        public Outcome expectNotRecommended(String type) {
            assertThat(types()).as("recommended actions (rules fired: %s)", outcome.firedRules()).doesNotContain(type);
            return this;
        }

        public Outcome expectOnlyRecommended(String... types) {
            assertThat(types()).as("recommended actions (rules fired: %s)", outcome.firedRules()).containsOnly(types);
            return this;
        }

        public Outcome expectNothingRecommended() {
            assertThat(types()).as("recommended actions (rules fired: %s)", outcome.firedRules()).isEmpty();
            return this;
        }

        public Outcome expectFired(String rule) {
            assertThat(outcome.firedRules()).contains(rule);
            return this;
        }

        public Outcome expectNotFired(String rule) {
            assertThat(outcome.firedRules()).doesNotContain(rule);
            return this;
        }

        public Outcome expectBand(String band) {
            assertThat(outcome.bands()).extracting(PupilBand::getBand).contains(band);
            return this;
        }

        public Recommendation recommendation(String type) {
            return outcome.recommendations().stream().filter(r -> r.getType().equals(type)).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + type + " recommended; rules fired: " + outcome.firedRules()));
        }

        public List<Recommendation> recommendations(String type) {
            return outcome.recommendations().stream().filter(r -> r.getType().equals(type)).toList();
        }

        public List<String> types() {
            return outcome.recommendations().stream().map(Recommendation::getType).distinct().toList();
        }

        public List<String> firedRules() {
            return outcome.firedRules();
        }
    }
}
