package uk.attendance.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import uk.attendance.policy.PolicyFolder;
import uk.attendance.policy.ScenarioFiles;
import uk.attendance.rules.PolicyCompiler;

/**
 * Every shipped policy's scenarios ({@code policies/<id>/scenarios/}) pass against its ladder, and together they fire
 * every rule of it: a ladder change that breaks a scenario, or a rule no scenario reaches, fails the build, as does a
 * policy folder without scenarios (see policies/AUTHORING.md).
 */
class ShippedScenariosTest {

    private static final Path POLICIES = Path.of("policies");

    @TestFactory
    Stream<DynamicTest> everyShippedPolicysScenariosPassAndFireEachOfItsRules() throws IOException {
        List<Path> folders;
        try (Stream<Path> entries = Files.list(POLICIES)) {
            folders = entries.filter(Files::isDirectory).sorted().toList();
        }
        assertThat(folders).isNotEmpty();
        return folders.stream().map(folder -> DynamicTest.dynamicTest(folder.getFileName().toString(), () -> {
            assertThat(folder.resolve(ScenarioFiles.FOLDER)).as("every shipped policy has scenarios").isDirectory();
            PolicyFolder policy = PolicyFolder.read(folder);
            PolicyCompiler compiler = new PolicyCompiler();
            PolicyCompiler.Compilation compilation = compiler.compile(policy.id(), policy.ladder(), policy.parametersText());
            assertThat(compilation.errors()).as("compile errors").isEmpty();
            try {
                ScenarioRunner.Report report = ScenarioRunner.run(compilation.kieBase(), policy.parameters(), ScenarioFiles.read(folder));
                assertThat(report.results()).as("scenarios of " + policy.id()).isNotEmpty();
                assertThat(report.results()).as("failed scenarios").allSatisfy(r -> assertThat(r.passed()).as(r.message()).isTrue());
                assertThat(report.rulesNeverFired()).as("rules of " + policy.id() + " that no scenario fires").isEmpty();
            } finally {
                compiler.discard(compilation.releaseId());
            }
        }));
    }
}
