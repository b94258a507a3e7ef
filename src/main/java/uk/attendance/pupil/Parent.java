package uk.attendance.pupil;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** A parent or carer of one pupil; penalty notices are counted per parent and pupil. */
@Entity
@Table(name = "parent")
public class Parent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "parent_seq")
    @SequenceGenerator(name = "parent_seq", sequenceName = "parent_seq", allocationSize = 50)
    public Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "pupil_id")
    public Pupil pupil;

    /** The MIS's id for the parent: the contract's {@code parentId}. */
    @Column(name = "parent_ref", nullable = false)
    public String parentRef;

    @Column(nullable = false)
    public String name;
}
