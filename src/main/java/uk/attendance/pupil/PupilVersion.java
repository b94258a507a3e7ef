package uk.attendance.pupil;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One version of a pupil's details, with who recorded it and when: details are never overwritten without trace. */
@Entity
@Table(name = "pupil_version")
public class PupilVersion extends PanacheEntityBase {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "pupil_version_seq")
    @SequenceGenerator(name = "pupil_version_seq", sequenceName = "pupil_version_seq", allocationSize = 50)
    public Long id;

    @Column(name = "pupil_id", nullable = false)
    public Long pupilId;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "given_name", nullable = false)
    public String givenName;

    @Column(name = "family_name", nullable = false)
    public String familyName;

    @Column(name = "date_of_birth", nullable = false)
    public LocalDate dateOfBirth;

    @Column(name = "year_group", nullable = false)
    public int yearGroup;

    @Column(nullable = false)
    public String characteristics;

    @Column(nullable = false)
    public String parents;

    /** The pupil's details as they stand, ready to be kept. */
    static PupilVersion of(Pupil pupil, Instant at, String by) {
        PupilVersion version = new PupilVersion();
        version.pupilId = pupil.id;
        version.recordedAt = at;
        version.recordedBy = by;
        version.givenName = pupil.givenName;
        version.familyName = pupil.familyName;
        version.dateOfBirth = pupil.dateOfBirth;
        version.yearGroup = pupil.yearGroup;
        version.characteristics = String.join(",", pupil.characteristics.stream().sorted().toList());
        Map<String, String> parents = new TreeMap<>();
        pupil.parents.forEach(p -> parents.put(p.parentRef, p.name));
        try {
            version.parents = JSON.writeValueAsString(parents.entrySet().stream()
                    .map(e -> Map.of("parentId", e.getKey(), "name", e.getValue())).toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return version;
    }

    /** Whether the two versions say the same about the pupil, whoever recorded them. */
    boolean sameDetails(PupilVersion other) {
        return other != null && givenName.equals(other.givenName) && familyName.equals(other.familyName)
                && dateOfBirth.equals(other.dateOfBirth) && yearGroup == other.yearGroup
                && characteristics.equals(other.characteristics) && parentList().equals(other.parentList());
    }

    /** The details the ladders read (age, year group, characteristics, parents) are the same: names may differ. */
    boolean sameFactsForLadders(PupilVersion other) {
        return other != null && dateOfBirth.equals(other.dateOfBirth) && yearGroup == other.yearGroup
                && characteristics.equals(other.characteristics)
                && parentList().stream().map(p -> p.get("parentId")).toList()
                        .equals(other.parentList().stream().map(p -> p.get("parentId")).toList());
    }

    public List<String> characteristicList() {
        return characteristics.isEmpty() ? List.of() : Arrays.asList(characteristics.split(","));
    }

    /** The parents as {parentId, name}, sorted by parentId. */
    public List<Map<String, String>> parentList() {
        try {
            List<Map<String, String>> list = JSON.readValue(parents, new TypeReference<List<Map<String, String>>>() { });
            return list.stream().sorted(Comparator.comparing(m -> m.get("parentId"))).toList();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<PupilVersion> history(Long pupilId) {
        return list("pupilId = ?1 order by recordedAt, id", pupilId);
    }

    /** The latest version of each of the pupils, in one query. */
    static Map<Long, PupilVersion> latest(Collection<Long> pupilIds) {
        Map<Long, PupilVersion> latest = new HashMap<>();
        if (!pupilIds.isEmpty()) {
            PupilVersion.<PupilVersion>list("pupilId in ?1 order by recordedAt, id", pupilIds)
                    .forEach(v -> latest.put(v.pupilId, v));
        }
        return latest;
    }
}
