package uk.attendance.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The package layering of ARCHITECTURE.md: a package uses only packages on levels below its own, so no
 * two packages can ever use each other. The same rules are shown failing on a fixture with a cycle.
 */
class ArchitectureTest {

    private static final String ROOT = "uk.attendance";

    /** Bottom to top; packages on one level do not use each other. Keep ARCHITECTURE.md in step. */
    static final List<Set<String>> LEVELS = List.of(
            Set.of("config", "db"),
            Set.of("problem"),
            Set.of("security"),
            Set.of("school"),
            Set.of("pupil"),
            Set.of("attendance"),
            Set.of("intervention", "audit", "calendar"),
            Set.of("action"),
            Set.of("rules.fact"),
            Set.of("rules"),
            Set.of("policy"),
            Set.of("evaluation"),
            Set.of("report"),
            Set.of("demo", "web"));

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages(ROOT);

    @Test
    void everyPackageUsesOnlyThePackagesBelowIt() {
        layering(ROOT, LEVELS).check(MAIN);
    }

    @Test
    void noPackagesUseEachOther() {
        cycleFree(ROOT).check(MAIN);
    }

    @Test
    void everyPackageHasItsPlaceInTheLayering() {
        Set<String> placed = LEVELS.stream().flatMap(Set::stream).collect(Collectors.toSet());
        Set<String> packages = MAIN.stream().map(JavaClass::getPackageName)
                .filter(name -> name.startsWith(ROOT + "."))
                .map(name -> name.substring(ROOT.length() + 1))
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(placed).as("a new package goes on a level of ArchitectureTest.LEVELS and ARCHITECTURE.md")
                .containsAll(packages);
    }

    /** The fixture's two packages use each other, as two features would after a careless import. */
    @Test
    void theRulesFailOnADeliberateCycle() {
        String fixture = ArchitectureTest.class.getPackageName() + ".fixture";
        JavaClasses classes = new ClassFileImporter().importPackages(fixture);
        assertThat(classes).isNotEmpty();

        assertThatThrownBy(() -> cycleFree(fixture).check(classes))
                .isInstanceOf(AssertionError.class).hasMessageContaining("Cycle detected");
        assertThatThrownBy(() -> layering(fixture, List.of(Set.of("lower"), Set.of("upper"))).check(classes))
                .isInstanceOf(AssertionError.class).hasMessageContaining("fixture.lower.Lower");
        // Without the upward use the same layering holds: the rule only fails for the cycle.
        layering(fixture, List.of(Set.of("upper"), Set.of("lower")))
                .check(new ClassFileImporter().importPackages(fixture + ".lower"));
    }

    static ArchRule cycleFree(String root) {
        return slices().matching(root + ".(**)").should().beFreeOfCycles();
    }

    static ArchRule layering(String root, List<Set<String>> levels) {
        List<ArchRule> rules = new ArrayList<>();
        for (int level = 0; level < levels.size(); level++) {
            List<String> notBelow = new ArrayList<>();
            for (int other = level; other < levels.size(); other++) {
                levels.get(other).forEach(p -> notBelow.add(root + "." + p));
            }
            for (String pkg : levels.get(level)) {
                String[] forbidden = notBelow.stream().filter(p -> !p.equals(root + "." + pkg)).toArray(String[]::new);
                rules.add(noClasses().that().resideInAPackage(root + "." + pkg)
                        .should().dependOnClassesThat().resideInAnyPackage(forbidden)
                        .as(pkg + " uses only packages below it")
                        .allowEmptyShould(true));
            }
        }
        return CompositeArchRule.of(rules);
    }
}
