package uk.attendance.policy;

import java.time.Instant;
import java.util.List;
import org.kie.api.KieBase;
import org.kie.api.builder.ReleaseId;
import uk.attendance.rules.CompileError;
import uk.attendance.rules.PolicyParameters;

/**
 * A policy as the engine holds it: the last version that compiled (if any) and the outcome of the
 * latest attempt. A failed reload keeps serving the previous version and reports why here.
 */
public record LoadedPolicy(String id, String name, String version, Instant loadedAt, List<String> rules,
        PolicyStatus status, List<CompileError> errors, PolicyFolder folder, KieBase kieBase, ReleaseId releaseId,
        PolicyParameters parameters) {

    public enum PolicyStatus {
        /** The files on disk compiled and are in use. */
        LOADED,
        /** The files on disk do not compile; the previous version, if any, is still in use. */
        FAILED
    }

    public boolean usable() {
        return kieBase != null;
    }

    LoadedPolicy failed(List<CompileError> latestErrors) {
        return new LoadedPolicy(id, name, version, loadedAt, rules, PolicyStatus.FAILED, latestErrors, folder, kieBase, releaseId,
                parameters);
    }
}
