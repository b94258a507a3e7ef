package uk.attendance.policy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import uk.attendance.rules.CompileError;
import uk.attendance.rules.RuleSource;

/** The versions a policy was loaded with, kept in the database with their files, who loaded them and when. */
@ApplicationScoped
public class PolicyHistory {

    private static final TypeReference<List<RuleSource>> FILES = new TypeReference<>() {
    };

    private final ObjectMapper json;

    PolicyHistory(ObjectMapper json) {
        this.json = json;
    }

    /** A version as listed: {@code active} marks the one in use. */
    public record VersionView(String version, Instant loadedAt, String loadedBy, LoadedPolicy.PolicyStatus status, List<String> files,
            boolean active) {
    }

    /**
     * Records a load, unless it repeats the latest one (same files, same outcome): restarting the service or reloading
     * an unchanged folder adds nothing.
     */
    void record(PolicyFolder folder, LoadedPolicy.PolicyStatus status, List<CompileError> errors, String by, Instant at) {
        String version = folder.version();
        QuarkusTransaction.requiringNew().run(() -> {
            Optional<PolicyVersion> latest = PolicyVersion.latest(folder.id());
            if (latest.isPresent() && latest.get().version.equals(version) && latest.get().status == status) {
                return;
            }
            PolicyVersion row = new PolicyVersion();
            row.policyId = folder.id();
            row.version = version;
            row.status = status;
            row.loadedAt = at;
            row.loadedBy = by;
            row.files = write(folder.files());
            row.errors = errors.isEmpty() ? null : write(errors);
            row.persist();
        });
    }

    /** Every load of the policy, newest first. */
    public List<VersionView> versions(String policyId, String activeVersion) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<PolicyVersion> rows = PolicyVersion.history(policyId);
            Long activeRow = rows.stream().filter(r -> r.status == LoadedPolicy.PolicyStatus.LOADED && r.version.equals(activeVersion))
                    .map(r -> r.id).findFirst().orElse(null);
            return rows.stream().map(r -> new VersionView(r.version, r.loadedAt, r.loadedBy, r.status,
                    read(r.files).stream().map(RuleSource::name).toList(), r.id.equals(activeRow))).toList();
        });
    }

    /** The folder as that version had it; empty when the policy was never loaded with that version. */
    public Optional<PolicyFolder> folder(String policyId, String version) {
        return QuarkusTransaction.requiringNew().call(() -> PolicyVersion.any(policyId, version)
                .map(r -> new PolicyFolder(policyId, read(r.files))));
    }

    /** The latest load of that version that compiled, as a folder to activate again. */
    Optional<PolicyFolder> loadedFolder(String policyId, String version) {
        return QuarkusTransaction.requiringNew().call(() -> PolicyVersion.loaded(policyId, version)
                .map(r -> new PolicyFolder(policyId, read(r.files))));
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<RuleSource> read(String files) {
        try {
            return json.readValue(files, FILES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Policy version files are not readable", e);
        }
    }
}
