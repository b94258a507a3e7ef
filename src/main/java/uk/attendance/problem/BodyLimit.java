package uk.attendance.problem;

import jakarta.inject.Provider;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import uk.attendance.config.AttendanceConfig;

/**
 * Refuses a request body over {@code attendance.max-body-size} with a problem document: on its declared
 * Content-Length before any of it is read, else by counting bytes as they are read. Quarkus's own limit
 * answers with an empty body, so it is set above this one.
 */
@jakarta.ws.rs.ext.Provider
public class BodyLimit implements ReaderInterceptor {

    // Interceptors are built while Quarkus starts, before configuration mappings can be read.
    private final Provider<AttendanceConfig> config;

    BodyLimit(Provider<AttendanceConfig> config) {
        this.config = config;
    }

    private long limit() {
        return config.get().maxBodySize().asLongValue();
    }

    @ServerRequestFilter(preMatching = true)
    public Response declaredLength(HttpHeaders headers) {
        String declared = headers.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (declared != null && declared.matches("\\d{1,18}") && Long.parseLong(declared) > limit()) {
            return ProblemMappers.respond(tooLarge().toProblem());
        }
        return null;
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        context.setInputStream(new Limited(context.getInputStream()));
        return context.proceed();
    }

    private ProblemException tooLarge() {
        long limit = limit();
        String size = limit % (1024 * 1024) == 0 ? (limit / (1024 * 1024)) + " MB" : limit + " bytes";
        return ProblemException.tooLarge("The request body is over the " + size + " limit (attendance.max-body-size);"
                + " nothing was stored. Split it into smaller posts.");
    }

    private final class Limited extends FilterInputStream {

        private final long limit = limit();
        private long read;

        Limited(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > limit) {
                throw tooLarge();
            }
        }
    }
}
