package uk.attendance.evaluation;

/**
 * Where an evaluation's time went, in milliseconds: reading the pupils, marks, interventions and earlier
 * actions from the database; computing the measures and facts; firing the rules; storing the new actions.
 * {@code totalMs} also holds what lies between the phases (transactions, the school's roll and calendar).
 */
public record EvaluationTimings(long loadFactsMs, long computeMeasuresMs, long fireRulesMs, long storeActionsMs, long totalMs) {
}
