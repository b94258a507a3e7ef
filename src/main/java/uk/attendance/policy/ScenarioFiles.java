package uk.attendance.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import uk.attendance.rules.RuleSource;

/** A policy folder's scenarios: {@code scenarios/*.scenario} (see policies/AUTHORING.md for the format). */
public final class ScenarioFiles {

    public static final String FOLDER = "scenarios";
    public static final String EXTENSION = ".scenario";

    private ScenarioFiles() {
    }

    /** The scenario files of a policy folder, by name, each named {@code scenarios/<file>}. */
    public static List<RuleSource> read(Path policyFolder) {
        Path folder = policyFolder.resolve(FOLDER);
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(EXTENSION)).sorted()
                    .map(p -> {
                        try {
                            return new RuleSource(FOLDER + "/" + p.getFileName(), Files.readString(p, StandardCharsets.UTF_8));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
