package uk.attendance.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import uk.attendance.rules.PolicyCompiler;
import uk.attendance.rules.PolicyParameters;
import uk.attendance.rules.RuleSource;

/**
 * One policy folder as read from disk: its ladder DRL, its parameters and its README. The version
 * is a hash of everything that decides what the policy recommends, statutory rules included.
 */
public record PolicyFolder(String id, List<RuleSource> files) {

    public static final String README = "README.md";

    public static PolicyFolder read(Path folder) {
        try (Stream<Path> entries = Files.list(folder)) {
            List<RuleSource> files = entries.filter(Files::isRegularFile)
                    .sorted()
                    .map(PolicyFolder::readFile)
                    .toList();
            return new PolicyFolder(folder.getFileName().toString(), files);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same folder with one ladder file's text replaced, as a policy author proposes it. */
    public PolicyFolder withLadder(String name, String content) {
        List<RuleSource> replaced = Stream.concat(
                files.stream().filter(f -> !f.name().equals(name)),
                Stream.of(new RuleSource(name, content))).sorted((a, b) -> a.name().compareTo(b.name())).toList();
        return new PolicyFolder(id, replaced);
    }

    public List<RuleSource> ladder() {
        return files.stream().filter(f -> f.name().endsWith(".drl")).toList();
    }

    /** The ladder file a submitted DRL replaces: the folder's only (or first) {@code .drl}, else {@code <id>.drl}. */
    public String ladderFileName() {
        return ladder().stream().map(RuleSource::name).findFirst().orElse(id + ".drl");
    }

    /** The parameters file's text, or null when the folder has none. */
    public String parametersText() {
        return files.stream().filter(f -> f.name().equals(PolicyParameters.FILE_NAME)).map(RuleSource::content).findFirst().orElse(null);
    }

    public PolicyParameters parameters() {
        return files.stream().filter(f -> f.name().equals(PolicyParameters.FILE_NAME)).findFirst()
                .map(f -> PolicyParameters.parse(id, f.content()))
                .orElseGet(() -> PolicyParameters.none(id));
    }

    /** The policy's display name: its parameters' {@code policy.name}, else the README's first heading, else the id. */
    public String name() {
        PolicyParameters parameters = parameters();
        if (parameters.values().containsKey("policy.name")) {
            return parameters.text("policy.name");
        }
        return files.stream().filter(f -> f.name().equals(README)).findFirst()
                .flatMap(f -> f.content().lines().filter(l -> l.startsWith("# ")).findFirst())
                .map(l -> l.substring(2).trim())
                .orElse(id);
    }

    public String version() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (RuleSource source : PolicyCompiler.statutoryRules()) {
                digest(sha, "rules/" + source.name(), source.content());
            }
            for (RuleSource file : files) {
                if (!file.name().equals(README)) {
                    digest(sha, file.name(), file.content());
                }
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void digest(MessageDigest sha, String name, String content) {
        sha.update(name.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(content.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
    }

    private static RuleSource readFile(Path file) {
        try {
            return new RuleSource(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
