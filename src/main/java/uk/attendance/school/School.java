package uk.attendance.school;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

@Entity
@Table(name = "school")
public class School extends PanacheEntityBase {

    /** The slug from the URL, e.g. {@code st-clares}. */
    @Id
    public String id;

    @Column(nullable = false)
    public String name;

    /** Names a folder in the policies directory. */
    @Column(nullable = false)
    public String policy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
