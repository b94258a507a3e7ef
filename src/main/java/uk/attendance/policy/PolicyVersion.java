package uk.attendance.policy;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** One load of a policy: the files it was loaded with, who loaded them and when, and whether they compiled. */
@Entity
@Table(name = "policy_version")
public class PolicyVersion extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "policy_version_seq")
    @SequenceGenerator(name = "policy_version_seq", sequenceName = "policy_version_seq", allocationSize = 50)
    public Long id;

    @Column(name = "policy_id", nullable = false)
    public String policyId;

    @Column(nullable = false)
    public String version;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public LoadedPolicy.PolicyStatus status;

    @Column(name = "loaded_at", nullable = false)
    public Instant loadedAt;

    @Column(name = "loaded_by", nullable = false)
    public String loadedBy;

    /** JSON array of {name, content}. */
    @Column(nullable = false, columnDefinition = "longtext")
    public String files;

    /** JSON array of compile errors, for a load that failed. */
    @Column(columnDefinition = "text")
    public String errors;

    /** Every load of the policy, newest first. */
    public static List<PolicyVersion> history(String policyId) {
        return find("policyId = ?1 order by loadedAt desc, id desc", policyId).list();
    }

    public static Optional<PolicyVersion> latest(String policyId) {
        return find("policyId = ?1 order by loadedAt desc, id desc", policyId).firstResultOptional();
    }

    /** The latest load of that version that compiled. */
    public static Optional<PolicyVersion> loaded(String policyId, String version) {
        return find("policyId = ?1 and version = ?2 and status = ?3 order by loadedAt desc, id desc", policyId, version,
                LoadedPolicy.PolicyStatus.LOADED).firstResultOptional();
    }

    /** The latest load of that version, whether it compiled or not. */
    public static Optional<PolicyVersion> any(String policyId, String version) {
        return find("policyId = ?1 and version = ?2 order by loadedAt desc, id desc", policyId, version).firstResultOptional();
    }
}
