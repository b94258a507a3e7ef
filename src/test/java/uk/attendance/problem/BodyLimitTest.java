package uk.attendance.problem;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.attendance.TestData.pupil;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.attendance.AdminByDefault;
import uk.attendance.TableCounts;
import uk.attendance.TestData;
import uk.attendance.config.AttendanceConfig;

/**
 * A body over attendance.max-body-size is refused with 413 problem+json, whether it declares its length
 * or streams without one, and nothing in it is stored. Each body is good marks or pupils padded with
 * blank lines or whitespace, so only its size is wrong. Sent with the JDK client, which streams a body
 * of any size without holding it.
 */
@QuarkusTest
class BodyLimitTest {

    private static final byte[] SPACES = " ".repeat(4096).getBytes(StandardCharsets.US_ASCII);
    private static final byte[] BLANK_LINE = (" ".repeat(4095) + "\n").getBytes(StandardCharsets.US_ASCII);

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Inject
    DataSource dataSource;

    @Inject
    AttendanceConfig config;

    @TestHTTPResource("/api/schools/")
    URI schools;

    private String school;
    private final String upn = TestData.upn(70);
    private long limit;

    @BeforeEach
    void schoolWithAPupil() {
        school = TestData.school("coopers");
        TestData.pupils(school, pupil(upn, "2012-03-04", 9));
        limit = config.maxBodySize().asLongValue();
    }

    private String csvHead() {
        return "upn,date,session,code\n" + upn + ",2025-09-08,AM,/\n" + upn + ",2025-09-08,PM,\\\n";
    }

    @Test
    void aPostDeclaringALengthOverTheLimitIsRefusedBeforeItIsRead() throws Exception {
        BodyPublisher body = BodyPublishers.fromPublisher(padded(csvHead(), BLANK_LINE, "", limit + 1), limit + 1);
        assertRefused("POST", school + "/attendance", "text/csv", body);
    }

    @Test
    void aStreamedCsvPostIsRefusedOnceItPassesTheLimit() throws Exception {
        assertRefused("POST", school + "/attendance", "text/csv", padded(csvHead(), BLANK_LINE, "", limit + 1));
    }

    @Test
    void aStreamedJsonPostIsRefusedOnceItPassesTheLimit() throws Exception {
        String head = "{\"source\": \"SIMS nightly\", \"marks\": [{\"upn\": \"" + upn + "\", \"date\": \"2025-09-08\", \"session\": \"AM\", \"code\": \"/\"}";
        assertRefused("POST", school + "/attendance", "application/json", padded(head, SPACES, "]}", limit + 1));
    }

    @Test
    void aStreamedPupilBatchIsRefusedOnceItPassesTheLimit() throws Exception {
        String head = "[" + new ObjectMapper().writeValueAsString(pupil(TestData.upn(71), "2012-03-04", 9));
        assertRefused("PUT", school + "/pupils", "application/json", padded(head, SPACES, "]", limit + 1));
    }

    private void assertRefused(String method, String path, String contentType, BodyPublisher body) throws Exception {
        TableCounts before = TableCounts.of(dataSource);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(schools.resolve(path)).header("Content-Type", contentType)
                .header("Authorization", AdminByDefault.basicAuthorization()).method(method, body).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(Problem.MEDIA_TYPE);
        JsonNode problem = new ObjectMapper().readTree(response.body());
        assertThat(problem.path("status").asInt()).isEqualTo(413);
        assertThat(problem.path("detail").asText()).contains((limit >> 20) + " MB", "attendance.max-body-size");
        assertThat(TableCounts.of(dataSource)).isEqualTo(before);
    }

    /** {@code head}, then {@code filler} repeated up to {@code size} bytes less the tail, then {@code tail}; streamed, never held. */
    private static BodyPublisher padded(String head, byte[] filler, String tail, long size) {
        byte[] start = head.getBytes(StandardCharsets.UTF_8);
        byte[] end = tail.getBytes(StandardCharsets.UTF_8);
        long fill = size - start.length - end.length;
        return BodyPublishers.ofInputStream(() -> new SequenceInputStream(Collections.enumeration(Arrays.asList(
                new ByteArrayInputStream(start), repeat(filler, fill), new ByteArrayInputStream(end)))));
    }

    private static InputStream repeat(byte[] pattern, long count) {
        return new InputStream() {
            private long sent;

            @Override
            public int read() {
                return sent < count ? pattern[(int) (sent++ % pattern.length)] : -1;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (sent >= count) {
                    return -1;
                }
                int n = (int) Math.min(length, count - sent);
                for (int i = 0; i < n; i++) {
                    buffer[offset + i] = pattern[(int) ((sent + i) % pattern.length)];
                }
                sent += n;
                return n;
            }
        };
    }
}
