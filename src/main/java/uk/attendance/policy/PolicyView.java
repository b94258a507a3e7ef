package uk.attendance.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import uk.attendance.rules.CompileError;
import uk.attendance.rules.RuleSource;

/** A policy as listed: {@code rules} counts its rules (statutory included), {@code ruleNames} names them; {@code files} only in the single-policy view. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PolicyView(String id, String name, String version, Instant loadedAt, int rules, List<String> ruleNames,
        LoadedPolicy.PolicyStatus status, List<CompileError> errors, List<FileView> files) {

    public record FileView(String name, String content) {
    }

    static PolicyView summary(LoadedPolicy p) {
        return new PolicyView(p.id(), p.name(), p.version(), p.loadedAt(), p.rules().size(), p.rules(), p.status(),
                p.errors().isEmpty() ? null : p.errors(), null);
    }

    static PolicyView withFiles(LoadedPolicy p) {
        List<FileView> files = p.folder().files().stream().map((RuleSource f) -> new FileView(f.name(), f.content())).toList();
        return new PolicyView(p.id(), p.name(), p.version(), p.loadedAt(), p.rules().size(), p.rules(), p.status(),
                p.errors().isEmpty() ? null : p.errors(), files);
    }
}
