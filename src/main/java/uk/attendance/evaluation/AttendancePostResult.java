package uk.attendance.evaluation;


/** What a nightly post did: {@code received} = {@code inserted} + {@code amended} + {@code unchanged}. */
public record AttendancePostResult(int received, int inserted, int amended, int unchanged, EvaluationSummary evaluation) {
}
