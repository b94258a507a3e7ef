package uk.attendance.pupil;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hibernate.Session;
import uk.attendance.db.IdList;

@Entity
@Table(name = "pupil")
public class Pupil extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "pupil_seq")
    @SequenceGenerator(name = "pupil_seq", sequenceName = "pupil_seq", allocationSize = 50)
    public Long id;

    @Column(name = "school_id", nullable = false)
    public String schoolId;

    @Column(nullable = false, length = 13)
    public String upn;

    @Column(name = "given_name", nullable = false)
    public String givenName;

    @Column(name = "family_name", nullable = false)
    public String familyName;

    @Column(name = "date_of_birth", nullable = false)
    public LocalDate dateOfBirth;

    /** National curriculum year; 0 is Reception. */
    @Column(name = "year_group", nullable = false)
    public int yearGroup;

    /** The form or class the MIS registers the pupil in, e.g. "7B"; null when the MIS sends none. */
    @Column(name = "registration_group", length = 32)
    public String registrationGroup;

    @ElementCollection
    @CollectionTable(name = "pupil_characteristic", joinColumns = @JoinColumn(name = "pupil_id"))
    @Column(name = "characteristic")
    public Set<String> characteristics = new LinkedHashSet<>();

    @OneToMany(mappedBy = "pupil", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("parentRef")
    public List<Parent> parents = new ArrayList<>();

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public static Optional<Pupil> findByUpn(String schoolId, String upn) {
        return find("schoolId = ?1 and upn = ?2", schoolId, upn).firstResultOptional();
    }

    public static List<Pupil> listBySchool(String schoolId) {
        return list("schoolId = ?1 order by familyName, givenName, upn", schoolId);
    }

    /** The school's pupil ids, in the order of {@link #listBySchool}. */
    public static List<Long> idsBySchool(String schoolId) {
        return getEntityManager()
                .createQuery("select p.id from Pupil p where p.schoolId = ?1 order by p.familyName, p.givenName, p.upn", Long.class)
                .setParameter(1, schoolId)
                .getResultList();
    }

    /** The pupils with their parents and characteristics loaded: two queries, not two more per pupil. */
    public static List<Pupil> withParentsAndCharacteristics(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Pupil> pupils = Pupil.<Pupil>find("select p from Pupil p left join fetch p.parents where p.id in ?1", ids).list();
        // Fills the characteristics of the same managed pupils; one query fetching both would multiply the rows.
        Pupil.find("select p from Pupil p left join fetch p.characteristics where p.id in ?1", ids).list();
        return pupils;
    }

    /**
     * The pupils as an evaluation reads them: detached copies with their parents and characteristics, read with three
     * plain queries instead of hydrated as managed entities, since an evaluation never changes a pupil. Many times
     * cheaper for a batch than {@link #withParentsAndCharacteristics}.
     */
    public static List<Pupil> detachedWithParentsAndCharacteristics(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        String in = IdList.placeholders(ids.size());
        return getEntityManager().unwrap(Session.class).doReturningWork(connection -> {
            Map<Long, Pupil> pupils = new LinkedHashMap<>();
            try (PreparedStatement select = bind(connection.prepareStatement("SELECT id, school_id, upn, given_name, family_name,"
                    + " date_of_birth, year_group, registration_group, created_at, updated_at FROM pupil WHERE id IN " + in), ids);
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Pupil pupil = new Pupil();
                    pupil.id = rows.getLong(1);
                    pupil.schoolId = rows.getString(2);
                    pupil.upn = rows.getString(3);
                    pupil.givenName = rows.getString(4);
                    pupil.familyName = rows.getString(5);
                    pupil.dateOfBirth = rows.getObject(6, LocalDate.class);
                    pupil.yearGroup = rows.getInt(7);
                    pupil.registrationGroup = rows.getString(8);
                    pupil.createdAt = rows.getTimestamp(9).toInstant();
                    pupil.updatedAt = rows.getTimestamp(10).toInstant();
                    pupils.put(pupil.id, pupil);
                }
            }
            try (PreparedStatement select = bind(connection.prepareStatement("SELECT pupil_id, id, parent_ref, name FROM parent"
                    + " WHERE pupil_id IN " + in + " ORDER BY pupil_id, parent_ref"), ids);
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Parent parent = new Parent();
                    parent.pupil = pupils.get(rows.getLong(1));
                    parent.id = rows.getLong(2);
                    parent.parentRef = rows.getString(3);
                    parent.name = rows.getString(4);
                    parent.pupil.parents.add(parent);
                }
            }
            try (PreparedStatement select = bind(connection.prepareStatement("SELECT pupil_id, characteristic FROM pupil_characteristic"
                    + " WHERE pupil_id IN " + in), ids);
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    pupils.get(rows.getLong(1)).characteristics.add(rows.getString(2));
                }
            }
            return List.copyOf(pupils.values());
        });
    }

    private static PreparedStatement bind(PreparedStatement statement, Collection<Long> ids) throws SQLException {
        IdList.bind(statement, 1, ids);
        return statement;
    }

    /** The school's pupils among {@code upns}, by UPN. */
    public static Map<String, Pupil> byUpn(String schoolId, Collection<String> upns) {
        if (upns.isEmpty()) {
            return Map.of();
        }
        return Pupil.<Pupil>list("schoolId = ?1 and upn in ?2", schoolId, upns).stream()
                .collect(Collectors.toMap(p -> p.upn, Function.identity()));
    }

    /** Every pupil id of the school by UPN: what a nightly post is checked against. */
    public static Map<String, Long> idsByUpn(String schoolId) {
        return getEntityManager()
                .createQuery("select p.upn, p.id from Pupil p where p.schoolId = ?1", Object[].class)
                .setParameter(1, schoolId)
                .getResultStream()
                .collect(Collectors.toMap(row -> (String) row[0], row -> (Long) row[1]));
    }

    public Optional<Parent> parent(String parentRef) {
        return parents.stream().filter(p -> p.parentRef.equals(parentRef)).findFirst();
    }
}
