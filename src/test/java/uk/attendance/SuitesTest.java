package uk.attendance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.platform.suite.api.SelectClasses;

/** Surefire runs the two suites only, so a test class in neither would never run. */
class SuitesTest {

    @Test
    void everyTestClassIsInExactlyOneOfTheTwoSuites() throws IOException, URISyntaxException, ClassNotFoundException {
        List<String> named = new ArrayList<>(List.of(PagesAndDemoSuite.class.getAnnotation(SelectClasses.class).names()));
        named.addAll(List.of(RestOfTheServiceSuite.class.getAnnotation(SelectClasses.class).names()));

        Path root = Path.of(SuitesTest.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> testClasses = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.getFileName().toString().endsWith("Test.class"))::iterator) {
                String name = root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".")
                        .replaceAll("\\.class$", "");
                if (!Modifier.isAbstract(Class.forName(name, false, SuitesTest.class.getClassLoader()).getModifiers())) {
                    testClasses.add(name);
                }
            }
        }

        assertThat(testClasses).as("test classes under %s", root).hasSizeGreaterThan(50);
        assertThat(named).as("each test class once, in PagesAndDemoSuite or RestOfTheServiceSuite")
                .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(testClasses);
    }
}
