package uk.attendance.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.Set;
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

    /**
     * Writes these files into {@code folder} and removes its other top-level files, so the folder holds exactly this
     * version (sub-folders such as letters/ and scenarios/ are left alone). Each file is written beside its place and
     * moved in, so a reader never sees half a file.
     */
    public void writeTo(Path folder) {
        try {
            Files.createDirectories(folder);
            Set<String> names = new HashSet<>();
            for (RuleSource file : files) {
                names.add(file.name());
                Path target = folder.resolve(file.name()).normalize();
                if (!folder.equals(target.getParent()) || file.name().startsWith(".")) {
                    throw new IllegalArgumentException("Not a file of the policy's folder: " + file.name());
                }
                Path temporary = folder.resolve("." + file.name() + ".writing");
                Files.writeString(temporary, file.content(), StandardCharsets.UTF_8);
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            try (Stream<Path> entries = Files.list(folder)) {
                for (Path entry : entries.filter(Files::isRegularFile).toList()) {
                    if (!names.contains(entry.getFileName().toString())) {
                        Files.delete(entry);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The same folder with one file's text replaced, or the file added. */
    public PolicyFolder withFile(String name, String content) {
        return withLadder(name, content);
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
