package uk.attendance.action;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** A lead's decision on an action: appended, never edited. */
@Entity
@Table(name = "action_decision")
public class ActionDecision extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "action_decision_seq")
    @SequenceGenerator(name = "action_decision_seq", sequenceName = "action_decision_seq", allocationSize = 50)
    public Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "action_id")
    public RecommendedAction action;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ActionStatus decision;

    /** The day the decision took effect (e.g. the letter was sent); defaults to the day it was recorded. */
    @Column(name = "decision_date", nullable = false)
    public LocalDate date;

    public String note;

    @Column(name = "decided_by", nullable = false)
    public String decidedBy;

    @Column(name = "decided_at", nullable = false)
    public Instant decidedAt;
}
