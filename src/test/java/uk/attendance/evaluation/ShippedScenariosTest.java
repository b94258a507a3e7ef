package uk.attendance.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import uk.attendance.policy.PolicyFolder;
import uk.attendance.policy.ScenarioFiles;
import uk.attendance.rules.PolicyCompiler;

/**
 * Every shipped policy's scenarios ({@code policies/<id>/scenarios/}) pass against its ladder, and together they fire
 * every rule of it (but those listed in AWAITING_SCENARIOS): a ladder change that breaks a scenario, or a rule no scenario reaches, fails the build. (A policy
 * without a scenarios folder yet is not covered; see policies/AUTHORING.md.)
 */
class ShippedScenariosTest {

    private static final Path POLICIES = Path.of("policies");

    /**
     * Rules the issue 13 ladder port added after these scenarios were written, which no scenario fires yet (see
     * wip/README.md). Any other rule no scenario fires fails the build; write a scenario, then take its rule off here.
     */
    private static final Map<String, Set<String>> AWAITING_SCENARIOS = Map.of(
            "st-dunstans", Set.of(
                    "St Dunstan's: Penalty notice — 10 unauthorised sessions and further absence after the written warning",
                    "St Dunstan's: Penalty notice — leave of absence in term time not authorised",
                    "St Dunstan's: Punctuality — late last half term, letter"));

    @TestFactory
    Stream<DynamicTest> everyShippedPolicysScenariosPassAndFireEachOfItsRules() throws IOException {
        List<Path> folders;
        try (Stream<Path> entries = Files.list(POLICIES)) {
            folders = entries.filter(f -> Files.isDirectory(f.resolve(ScenarioFiles.FOLDER))).sorted().toList();
        }
        assertThat(folders).isNotEmpty();
        return folders.stream().map(folder -> DynamicTest.dynamicTest(folder.getFileName().toString(), () -> {
            PolicyFolder policy = PolicyFolder.read(folder);
            PolicyCompiler compiler = new PolicyCompiler();
            PolicyCompiler.Compilation compilation = compiler.compile(policy.id(), policy.ladder(), policy.parametersText());
            assertThat(compilation.errors()).as("compile errors").isEmpty();
            try {
                ScenarioRunner.Report report = ScenarioRunner.run(compilation.kieBase(), policy.parameters(), ScenarioFiles.read(folder));
                assertThat(report.results()).as("scenarios of " + policy.id()).isNotEmpty();
                assertThat(report.results()).as("failed scenarios").allSatisfy(r -> assertThat(r.passed()).as(r.message()).isTrue());
                assertThat(report.rulesNeverFired()).as("rules of " + policy.id() + " that no scenario fires")
                        .isSubsetOf(AWAITING_SCENARIOS.getOrDefault(policy.id(), Set.of()));
            } finally {
                compiler.discard(compilation.releaseId());
            }
        }));
    }
}
