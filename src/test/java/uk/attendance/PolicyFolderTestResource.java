package uk.attendance;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Gives the test service its own copy of {@code policies/}, so tests can edit and reload policies
 * on disk without touching the repository's.
 */
public class PolicyFolderTestResource implements QuarkusTestResourceLifecycleManager {

    public static final Path POLICIES = Path.of("target", "test-policies" + TestFork.suffix()).toAbsolutePath();

    @Override
    public Map<String, String> start() {
        try {
            if (Files.exists(POLICIES)) {
                try (Stream<Path> old = Files.walk(POLICIES)) {
                    old.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            Path source = Path.of("policies").toAbsolutePath();
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    Path target = POLICIES.resolve(source.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("attendance.policies-dir", POLICIES.toString());
    }

    @Override
    public void stop() {
    }
}
