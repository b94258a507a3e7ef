package uk.attendance.attendance;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static uk.attendance.TestData.batch;
import static uk.attendance.TestData.mark;
import static uk.attendance.TestData.pupil;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.attendance.TableCounts;
import uk.attendance.TestData;

/** The compact register kept with the marks: what evaluations read must be what the legal record says. */
@QuarkusTest
class PupilRegisterTest {

    @Inject
    DataSource dataSource;

    private String school;
    private final String upn = TestData.upn(1);
    private final String other = TestData.upn(2);

    @BeforeEach
    void school() {
        school = TestData.school("coopers");
        TestData.pupils(school, pupil(upn, "2012-03-04", 9), pupil(other, "2012-05-06", 9));
    }

    private void post(List<Map<String, String>> marks) {
        given().contentType(ContentType.JSON).body(batch("SIMS nightly", marks))
                .post("/api/schools/{id}/attendance", school).then().statusCode(200);
    }

    private JsonPath verify() {
        return verifying().extract().jsonPath();
    }

    private io.restassured.response.ValidatableResponse verifying() {
        return given().post("/api/schools/{id}/registers/verify", school).then().statusCode(200);
    }

    @Test
    void aPostWritesEachPupilsYearAsOneStringOfSessionsFromTheFirstOfSeptember() throws SQLException {
        post(List.of(mark(upn, "2025-09-01", "AM", "/"), mark(upn, "2025-09-01", "PM", "\\"),
                mark(upn, "2025-09-03", "AM", "C1"), mark(upn, "2025-09-03", "PM", "Y4"),
                mark(upn, "2026-08-31", "PM", "#"),
                // The summer before belongs to the academic year 2024/25.
                mark(upn, "2025-07-21", "AM", "N")));

        String year = compact(upn, 2025);
        assertThat(year).startsWith("/\\--c4");
        assertThat(year).hasSize(CompactRegister.MAX_SESSIONS - 2).endsWith("-#");
        assertThat(compact(upn, 2024)).hasSize(CompactRegister.position(java.time.LocalDate.of(2025, 7, 21), Session.AM) + 1)
                .endsWith("N");
        assertThat(compact(other, 2025)).as("no marks, no row").isNull();
        verifying().body("matches", equalTo(true)).body("pupilYears", equalTo(2)).body("schoolDays", equalTo(3));
    }

    @Test
    void anAmendedMarkChangesTheCompactRegisterAndAWholeDayClosedLaterLeavesTheCalendar() throws SQLException {
        post(List.of(mark(upn, "2025-09-08", "AM", "N"), mark(upn, "2025-09-08", "PM", "N"),
                mark(other, "2025-09-08", "AM", "/"), mark(other, "2025-09-08", "PM", "\\"),
                mark(upn, "2025-09-09", "AM", "/"), mark(other, "2025-09-09", "AM", "/")));
        post(List.of(mark(upn, "2025-09-08", "AM", "O"),
                // 9 September turns out to have been a closure for everyone.
                mark(upn, "2025-09-09", "AM", "#"), mark(other, "2025-09-09", "AM", "#")));

        assertThat(compact(upn, 2025).substring(2 * 7)).isEqualTo("ON#");
        assertThat(registerDays()).containsExactly("2025-09-08");
        JsonPath report = verify();
        assertThat(report.getBoolean("matches")).isTrue();
        assertThat(report.getInt("schoolDays")).isEqualTo(1);
    }

    @Test
    void verifyNamesEverySessionWhereTheCompactRegisterDiffersAndRebuildRestoresItFromTheMarks() throws SQLException {
        post(List.of(mark(upn, "2025-09-08", "AM", "/"), mark(upn, "2025-09-08", "PM", "O"),
                mark(other, "2025-09-08", "AM", "/"), mark(other, "2025-09-08", "PM", "\\")));
        execute("UPDATE pupil_register r JOIN pupil p ON p.id = r.pupil_id SET r.sessions = CONCAT(LEFT(r.sessions, 15), 'I/')"
                + " WHERE p.upn = ? AND p.school_id = ?", upn, school);
        execute("DELETE r FROM pupil_register r JOIN pupil p ON p.id = r.pupil_id WHERE p.upn = ? AND p.school_id = ?", other, school);
        execute("INSERT INTO register_day (school_id, day) VALUES (?, '2025-09-10')", school);

        JsonPath report = verify();
        assertThat(report.getBoolean("matches")).isFalse();
        assertThat(report.getInt("sessionsDiffering")).isEqualTo(4);
        assertThat(report.getList("differences", Map.class)).contains(
                Map.of("upn", upn, "date", "2025-09-08", "session", "PM", "mark", "O", "compact", "I"),
                difference(other, "2025-09-08", "AM", "/", null));
        assertThat(report.getList("daysExtra", String.class)).containsExactly("2025-09-10");
        assertThat(report.getBoolean("rebuilt")).isFalse();
        assertThat(verify().getInt("sessionsDiffering")).as("verify changes nothing").isEqualTo(4);

        given().post("/api/schools/{id}/registers/rebuild", school).then().statusCode(200)
                .body("rebuilt", equalTo(true)).body("sessionsDiffering", equalTo(4));

        verifying().body("matches", equalTo(true)).body("differences", empty());
        assertThat(compact(other, 2025).substring(2 * 7)).isEqualTo("/\\");
        assertThat(registerDays()).containsExactly("2025-09-08");
    }

    @Test
    void evaluationReadsTheCompactRegister() throws SQLException {
        post(TestData.unauthorisedWeek(upn));
        given().queryParam("asOf", "2025-09-12").get("/api/schools/{id}/pupils/{upn}", school, upn).then().statusCode(200)
                .body("attendance.unauthorisedAbsenceSessions", equalTo(10));
        // Only the compact register says otherwise: the summary follows it, which the verify check would catch.
        execute("UPDATE pupil_register r JOIN pupil p ON p.id = r.pupil_id SET r.sessions = REPLACE(r.sessions, 'O', 'I')"
                + " WHERE p.upn = ? AND p.school_id = ?", upn, school);
        given().queryParam("asOf", "2025-09-12").get("/api/schools/{id}/pupils/{upn}", school, upn).then().statusCode(200)
                .body("attendance.unauthorisedAbsenceSessions", equalTo(0))
                .body("attendance.authorisedAbsenceSessions", equalTo(10));
        assertThat(verify().getInt("sessionsDiffering")).isEqualTo(10);
    }

    @Test
    void aRejectedBatchWritesNoCompactRegister() {
        TableCounts before = TableCounts.of(dataSource);
        given().contentType(ContentType.JSON).body(batch("SIMS", List.of(mark(upn, "2025-09-08", "AM", "/"),
                mark(other, "2025-09-08", "AM", "??")))).post("/api/schools/{id}/attendance", school).then().statusCode(400);
        assertThat(TableCounts.of(dataSource)).isEqualTo(before);
    }

    private static Map<String, String> difference(String upn, String date, String session, String mark, String compact) {
        Map<String, String> difference = new java.util.HashMap<>();
        difference.put("upn", upn);
        difference.put("date", date);
        difference.put("session", session);
        difference.put("mark", mark);
        difference.put("compact", compact);
        return difference;
    }

    private String compact(String pupilUpn, int academicYear) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(
                "SELECT r.sessions FROM pupil_register r JOIN pupil p ON p.id = r.pupil_id"
                        + " WHERE p.school_id = ? AND p.upn = ? AND r.academic_year = ?")) {
            select.setString(1, school);
            select.setString(2, pupilUpn);
            select.setInt(3, academicYear);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getString(1) : null;
            }
        }
    }

    private List<String> registerDays() throws SQLException {
        List<String> days = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement select = connection.prepareStatement(
                "SELECT day FROM register_day WHERE school_id = ? ORDER BY day")) {
            select.setString(1, school);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    days.add(rows.getString(1));
                }
            }
        }
        return days;
    }

    private void execute(String sql, String... parameters) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setString(i + 1, parameters[i]);
            }
            statement.executeUpdate();
        }
    }
}
