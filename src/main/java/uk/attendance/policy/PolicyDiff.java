package uk.attendance.policy;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import uk.attendance.rules.RuleSource;

/** The differences between two versions of a policy's files, file by file, as unified diffs with three lines of context. */
public final class PolicyDiff {

    private static final int CONTEXT = 3;

    private PolicyDiff() {
    }

    public enum Kind { ADDED, REMOVED, CONTEXT, HUNK }

    public record Line(Kind kind, String text) {
        public String css() {
            return kind.name().toLowerCase(java.util.Locale.ROOT);
        }

        /** Said in words as well as colour: "+" for an added line, "−" for a removed one. */
        public String marker() {
            return switch (kind) {
                case ADDED -> "+";
                case REMOVED -> "−";
                default -> "";
            };
        }

        /** For screen readers, which do not read a plus or minus sign reliably. */
        public String spoken() {
            return switch (kind) {
                case ADDED -> "added";
                case REMOVED -> "removed";
                default -> "";
            };
        }
    }

    /** One file's changes; {@code change} is "added", "removed" or "changed". */
    public record FileDiff(String name, String change, List<Line> lines) {
    }

    /** The files that differ, by name; identical files are left out. */
    public static List<FileDiff> between(PolicyFolder from, PolicyFolder to) {
        Map<String, String> before = contents(from);
        Map<String, String> after = contents(to);
        TreeMap<String, Boolean> names = new TreeMap<>();
        before.keySet().forEach(n -> names.put(n, true));
        after.keySet().forEach(n -> names.put(n, true));
        List<FileDiff> diffs = new ArrayList<>();
        for (String name : names.keySet()) {
            String a = before.get(name);
            String b = after.get(name);
            if (a != null && a.equals(b)) {
                continue;
            }
            List<String> oldLines = a == null ? List.of() : a.lines().toList();
            List<String> newLines = b == null ? List.of() : b.lines().toList();
            Patch<String> patch = DiffUtils.diff(oldLines, newLines);
            List<String> unified = UnifiedDiffUtils.generateUnifiedDiff(name, name, oldLines, patch, CONTEXT);
            List<Line> lines = new ArrayList<>();
            for (String line : unified.subList(Math.min(2, unified.size()), unified.size())) {
                if (line.startsWith("@@")) {
                    lines.add(new Line(Kind.HUNK, line));
                } else if (line.startsWith("+")) {
                    lines.add(new Line(Kind.ADDED, line.substring(1)));
                } else if (line.startsWith("-")) {
                    lines.add(new Line(Kind.REMOVED, line.substring(1)));
                } else {
                    lines.add(new Line(Kind.CONTEXT, line.isEmpty() ? line : line.substring(1)));
                }
            }
            diffs.add(new FileDiff(name, a == null ? "added" : b == null ? "removed" : "changed", lines));
        }
        return diffs;
    }

    private static Map<String, String> contents(PolicyFolder folder) {
        Map<String, String> contents = new TreeMap<>();
        for (RuleSource file : folder.files()) {
            contents.put(file.name(), file.content());
        }
        return contents;
    }
}
