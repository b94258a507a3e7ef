package uk.attendance.policy;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

/** The version of a policy's rules its schools' pupils were last judged by. */
@Entity
@Table(name = "policy_in_force")
public class PolicyInForce extends PanacheEntityBase {

    @Id
    @Column(name = "policy_id")
    public String policyId;

    @Column(nullable = false)
    public String version;

    @Column(nullable = false)
    public Instant since;

    static Map<String, String> versions() {
        return PolicyInForce.<PolicyInForce>listAll().stream().collect(Collectors.toMap(p -> p.policyId, p -> p.version));
    }

    static void record(String policyId, String version, Instant since) {
        PolicyInForce row = PolicyInForce.<PolicyInForce>findByIdOptional(policyId).orElseGet(() -> {
            PolicyInForce created = new PolicyInForce();
            created.policyId = policyId;
            return created;
        });
        row.version = version;
        row.since = since;
        row.persist();
    }
}
