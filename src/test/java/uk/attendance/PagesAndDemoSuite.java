package uk.attendance;

import org.junit.platform.suite.api.SelectClasses;
import org.junit.platform.suite.api.Suite;

/**
 * One half of the tests, run in one test JVM while {@link RestOfTheServiceSuite} runs in the other (pom.xml's forkCount is
 * 2): the pages and their browser journeys, the demo schools they work in, accounts, decisions and policies (the
 * walk over every endpoint and the policy registry's reload checks run in the other half, which evens their times). Each
 * half is one JUnit run, so the test service starts once per JVM; Surefire would otherwise hand a JVM its classes one run
 * at a time, and Quarkus would start again for each. The classes are named, not scanned for, so a class that cannot load fails the
 * run instead of being skipped; {@link SuitesTest} checks that every test class is in exactly one half.
 */
@Suite
@SelectClasses(names = {
        "uk.attendance.action.AgreedTargetTest",
        "uk.attendance.action.BulkDecisionTest",
        "uk.attendance.action.ConcurrentDecisionTest",
        "uk.attendance.action.ReviewLoopTest",
        "uk.attendance.demo.DemoDataLoaderTest",
        "uk.attendance.demo.DemoExportTest",
        "uk.attendance.demo.DemoSchoolGeneratorTest",
        "uk.attendance.policy.PolicyEditedWhileStoppedTest",
        "uk.attendance.policy.PolicyResourceTest",
        "uk.attendance.policy.PolicyVersionsTest",
        "uk.attendance.policy.ScenarioParserTest",
        "uk.attendance.security.AccountsTest",
        "uk.attendance.security.HttpHardeningTest",
        "uk.attendance.security.SecurityTest",
        "uk.attendance.security.SignInThrottleTest",
        "uk.attendance.web.AxeTest",
        "uk.attendance.web.BrowserJourneyTest",
        "uk.attendance.web.BulkBrowserTest",
        "uk.attendance.web.BulkWorkTest",
        "uk.attendance.web.CalendarPageTest",
        "uk.attendance.web.LetterPageTest",
        "uk.attendance.web.LetterTemplatesTest",
        "uk.attendance.web.PageAccessTest",
        "uk.attendance.web.PolicyPageTest",
        "uk.attendance.web.PupilPageTest",
        "uk.attendance.web.SchoolPageTest",
        "uk.attendance.web.SessionCalendarTest",
        "uk.attendance.web.SignInPageTest",
        "uk.attendance.web.TargetFormTest",
        "uk.attendance.web.WeeklyAttendanceTest",
        "uk.attendance.web.WeeklyChartTest"})
public class PagesAndDemoSuite {
}
