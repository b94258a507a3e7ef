package uk.attendance.audit;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.BlockingOperationControl;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;
import java.time.Instant;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import uk.attendance.pupil.Upn;
import uk.attendance.security.Caller;

/**
 * Records every successful read of one pupil's record: any GET, page or API, whose path names a school and a pupil
 * ({schoolId} and {upn}). One place, so a new endpoint about a pupil is audited without anyone remembering to.
 */
@ApplicationScoped
public class PupilReadLog {

    private static final Logger LOG = Logger.getLogger(PupilReadLog.class);
    private static final int WHAT_LENGTH = 300;

    private final Caller caller;
    private final Clock clock;

    PupilReadLog(Caller caller, Clock clock) {
        this.caller = caller;
        this.clock = clock;
    }

    @ServerResponseFilter
    public void recordRead(UriInfo uri, ContainerRequestContext request, ContainerResponseContext response) {
        if (!"GET".equals(request.getMethod()) || response.getStatus() / 100 != 2) {
            return;
        }
        String schoolId = uri.getPathParameters().getFirst("schoolId");
        String upn = Upn.normalise(uri.getPathParameters().getFirst("upn"));
        if (schoolId == null || upn == null || upn.isEmpty() || uri.getPath().endsWith("/audit")) {
            return;
        }
        PupilRead read = new PupilRead();
        read.schoolId = schoolId;
        read.upn = upn;
        read.readAt = Instant.now(clock);
        read.readBy = caller.name();
        String what = "GET " + uri.getPath();
        read.what = what.length() > WHAT_LENGTH ? what.substring(0, WHAT_LENGTH) : what;
        if (BlockingOperationControl.isBlockingAllowed()) {
            save(read);
        } else {
            Infrastructure.getDefaultWorkerPool().execute(() -> save(read));
        }
    }

    private static void save(PupilRead read) {
        try {
            QuarkusTransaction.requiringNew().run(read::persist);
        } catch (RuntimeException e) {
            // The reader already has the answer; a lost audit row is logged, without the pupil's details.
            LOG.errorf(e, "Could not record a read of a pupil's record in school %s", read.schoolId);
        }
    }
}
