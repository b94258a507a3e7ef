package uk.attendance.policy;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static uk.attendance.TestData.batch;
import static uk.attendance.TestData.pupil;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import uk.attendance.TestData;

/**
 * A policy edited while the service was stopped: at the next start its version differs from the one its pupils were
 * last judged by, so every pupil of a school on it is judged again from the start; pupils on other policies are not.
 */
@QuarkusTest
class PolicyEditedWhileStoppedTest {

    @Inject
    PolicyRegistry registry;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theNextStartJudgesAgainThePupilsOfAPolicyWhoseRulesChangedAndNoOthers() throws SQLException {
        String edited = TestData.school("trust-template");
        String untouched = TestData.school("st-dunstans");
        String onEdited = TestData.upn(901);
        String onUntouched = TestData.upn(902);
        TestData.pupils(edited, pupil(onEdited, "2012-03-04", 8));
        TestData.pupils(untouched, pupil(onUntouched, "2012-03-04", 8));
        post(edited, onEdited);
        post(untouched, onUntouched);
        assertThat(judgeFrom(edited, onEdited)).isNull();

        // The service stops; an author edits the trust template's ladder; the service starts.
        execute("UPDATE policy_in_force SET version = 'before-edit' WHERE policy_id = 'trust-template'");
        registry.judgeAgainWhereEditedWhileStopped(null);

        assertThat(judgeFrom(edited, onEdited)).as("judged again from the start").isEqualTo(LocalDate.of(1900, 1, 1));
        assertThat(judgeFrom(untouched, onUntouched)).as("other policies' pupils are left as they were").isNull();
        assertThat(inForce("trust-template")).isEqualTo(registry.require("trust-template").version());

        // Started again without an edit: nothing more to judge.
        execute("UPDATE pupil_evaluation e JOIN pupil p ON p.id = e.pupil_id SET e.dirty_from = NULL WHERE p.school_id = '" + edited + "'");
        registry.judgeAgainWhereEditedWhileStopped(null);
        assertThat(judgeFrom(edited, onEdited)).isNull();
    }

    private static void post(String school, String upn) {
        given().contentType(ContentType.JSON).body(batch("SIMS nightly", TestData.unauthorisedWeek(upn)))
                .post("/api/schools/{id}/attendance", school).then().statusCode(200);
    }

    private LocalDate judgeFrom(String school, String upn) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                "SELECT e.dirty_from FROM pupil_evaluation e JOIN pupil p ON p.id = e.pupil_id WHERE p.school_id = ? AND p.upn = ?")) {
            q.setString(1, school);
            q.setString(2, upn);
            try (ResultSet row = q.executeQuery()) {
                assertThat(row.next()).as("the pupil has been evaluated").isTrue();
                return row.getObject(1, LocalDate.class);
            }
        }
    }

    private String inForce(String policy) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement q = c.prepareStatement(
                "SELECT version FROM policy_in_force WHERE policy_id = ?")) {
            q.setString(1, policy);
            try (ResultSet row = q.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getString(1);
            }
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement update = c.prepareStatement(sql)) {
            update.executeUpdate();
        }
    }
}
