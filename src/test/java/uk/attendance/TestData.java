package uk.attendance;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import uk.attendance.pupil.Upn;

/** Schools and pupils for REST tests: each test makes its own school, so tests never share rows. */
public final class TestData {

    private static final AtomicInteger SCHOOLS = new AtomicInteger();

    private TestData() {
    }

    /** A valid UPN for serial {@code n} (0–999). */
    public static String upn(int n) {
        return Upn.of(String.format("80120000%04d", n));
    }

    /** Creates a school with a fresh id on the given policy. */
    public static String school(String policy) {
        String id = "test-" + policy + "-" + SCHOOLS.incrementAndGet() + "-" + System.nanoTime() % 100000;
        given().contentType(ContentType.JSON).body(Map.of("name", "Test school", "policy", policy))
                .put("/api/schools/{id}", id).then().statusCode(200);
        return id;
    }

    public static Map<String, Object> pupil(String upn, String dateOfBirth, int yearGroup) {
        return Map.of("upn", upn, "givenName", "Alex", "familyName", "Example", "dateOfBirth", dateOfBirth,
                "yearGroup", yearGroup, "characteristics", List.of("FSM"),
                "parents", List.of(Map.of("parentId", "P1", "name", "Parent One"), Map.of("parentId", "P2", "name", "Parent Two")));
    }

    public static void pupils(String schoolId, Map<?, ?>... pupils) {
        given().contentType(ContentType.JSON).body(List.of(pupils))
                .put("/api/schools/{id}/pupils", schoolId).then().statusCode(200);
    }

    public static Map<String, String> mark(String upn, String date, String session, String code) {
        return Map.of("upn", upn, "date", date, "session", session, "code", code);
    }

    /** Ten sessions of unauthorised absence, 8–12 September 2025: the national penalty-notice threshold. */
    public static List<Map<String, String>> unauthorisedWeek(String upn) {
        List<Map<String, String>> marks = new ArrayList<>();
        for (String day : List.of("2025-09-08", "2025-09-09", "2025-09-10", "2025-09-11", "2025-09-12")) {
            marks.add(mark(upn, day, "AM", "O"));
            marks.add(mark(upn, day, "PM", "O"));
        }
        return marks;
    }

    /** CSV of every weekday from {@code first} to {@code last}, present at both sessions, for every pupil. */
    public static String presentEveryWeekday(List<String> upns, LocalDate first, LocalDate last) {
        StringBuilder csv = new StringBuilder("upn,date,session,code\n");
        for (String upn : upns) {
            for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
                if (day.getDayOfWeek().getValue() <= 5) {
                    csv.append(upn).append(',').append(day).append(",AM,/\n");
                    csv.append(upn).append(',').append(day).append(",PM,\\\n");
                }
            }
        }
        return csv.toString();
    }

    public static Map<String, Object> batch(String source, List<Map<String, String>> marks) {
        return Map.of("source", source, "marks", marks);
    }
}
