package uk.attendance;

import org.junit.platform.suite.api.SelectClasses;
import org.junit.platform.suite.api.Suite;

/** The other half of the tests ({@link PagesAndDemoSuite} says why two): every test class not in that half. */
@Suite
@SelectClasses(names = {
        "uk.attendance.MisInputTest",
        "uk.attendance.SuitesTest",
        "uk.attendance.architecture.ArchitectureTest",
        "uk.attendance.attendance.AttendanceMeasuresTest",
        "uk.attendance.attendance.AttendancePostTest",
        "uk.attendance.attendance.CompactRegisterTest",
        "uk.attendance.attendance.CompulsorySchoolAgeTest",
        "uk.attendance.attendance.ConcurrentPostTest",
        "uk.attendance.attendance.FailedPostTest",
        "uk.attendance.attendance.FullYearPostTest",
        "uk.attendance.attendance.MarkBodyReaderTest",
        "uk.attendance.attendance.PupilRegisterTest",
        "uk.attendance.attendance.RegisterMigrationTest",
        "uk.attendance.attendance.RegisterRetentionTest",
        "uk.attendance.attendance.SchoolCalendarTest",
        "uk.attendance.audit.PupilAuditTest",
        "uk.attendance.calendar.CalendarResourceTest",
        "uk.attendance.db.EmbeddedMariaDbTest",
        "uk.attendance.evaluation.EvaluationTimingsTest",
        "uk.attendance.evaluation.FactAssemblerTest",
        "uk.attendance.evaluation.PolicyDryRunTest",
        "uk.attendance.evaluation.ShippedScenariosTest",
        "uk.attendance.intervention.InterventionResourceTest",
        "uk.attendance.policy.PolicyLoadChecksTest",
        "uk.attendance.policy.PolicyRegistryTest",
        "uk.attendance.problem.BodyLimitTest",
        "uk.attendance.problem.EnumInputTest",
        "uk.attendance.problem.HostileInputTest",
        "uk.attendance.problem.ProblemResponsesTest",
        "uk.attendance.problem.TextAndDateInputTest",
        "uk.attendance.pupil.PupilListTest",
        "uk.attendance.pupil.PupilResourceTest",
        "uk.attendance.pupil.UpnTest",
        "uk.attendance.pupil.YearGroupTest",
        "uk.attendance.report.AttendanceListsTest",
        "uk.attendance.rules.AuditFindingsTest",
        "uk.attendance.rules.CliffordAllSaintsLadderTest",
        "uk.attendance.rules.CoopersLadderTest",
        "uk.attendance.rules.PolicyParametersTest",
        "uk.attendance.rules.PolicySafetyTest",
        "uk.attendance.rules.RepeatsTest",
        "uk.attendance.rules.StClaresLadderTest",
        "uk.attendance.rules.StDunstansLadderTest",
        "uk.attendance.rules.StatutoryRulesTest",
        "uk.attendance.rules.TimeEvaluationTest",
        "uk.attendance.rules.TimeInvariantTest",
        "uk.attendance.rules.TrustTemplateLadderTest",
        "uk.attendance.school.SchoolResourceTest",
        "uk.attendance.security.EndpointAccessTest"})
public class RestOfTheServiceSuite {
}
