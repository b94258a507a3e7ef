package uk.attendance.config;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The policies folder on disk: one sub-folder per school policy, read afresh on every call. */
@ApplicationScoped
public class PolicyDirectory {

    private static final Pattern POLICY_ID = Pattern.compile("[a-z0-9-]{1,64}");

    private final Path root;

    public PolicyDirectory(AttendanceConfig config) {
        this.root = config.policiesDir().toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    public boolean exists(String policyId) {
        return policyId != null && POLICY_ID.matcher(policyId).matches() && Files.isDirectory(root.resolve(policyId));
    }

    public Path folder(String policyId) {
        return root.resolve(policyId);
    }

    public List<String> ids() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> folders = Files.list(root)) {
            return folders.filter(Files::isDirectory)
                    .map(p -> p.getFileName().toString())
                    .filter(id -> POLICY_ID.matcher(id).matches())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
