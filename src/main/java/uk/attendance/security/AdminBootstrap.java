package uk.attendance.security;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Set;
import org.jboss.logging.Logger;
import uk.attendance.config.AttendanceConfig;

/**
 * On first start (no users at all) creates user {@code admin} with ATTENDANCE_ADMIN_PASSWORD, or
 * with a generated password printed once: the service has no built-in password.
 */
@ApplicationScoped
public class AdminBootstrap {

    static final String ADMIN = "admin";
    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);

    private final AttendanceConfig config;
    private final UserService users;
    private final PasswordPolicy policy;

    AdminBootstrap(AttendanceConfig config, UserService users, PasswordPolicy policy) {
        this.config = config;
        this.users = users;
        this.policy = policy;
    }

    // Before the demo loader, which may need users to exist.
    void onStart(@Observes @Priority(1) StartupEvent start) {
        String given = config.adminPassword().orElse(null);
        String password = given != null ? given : Passwords.generateSecret();
        boolean created = QuarkusTransaction.requiringNew().call(() -> {
            if (AppUser.count() > 0) {
                return false;
            }
            // Only when it is used: a weak value left set after the first start does not stop the service.
            if (given != null) {
                policy.problem(given, ADMIN).ifPresent(problem -> {
                    throw new IllegalStateException("ATTENDANCE_ADMIN_PASSWORD will not do: " + problem);
                });
            }
            users.persist(ADMIN, password, Set.of(Role.ADMIN_NAME), Set.of(), Caller.SYSTEM);
            return true;
        });
        if (created && given == null) {
            LOG.warnf("Created user '%s' with the generated password %s (shown only now). Sign in and create named users; "
                    + "set ATTENDANCE_ADMIN_PASSWORD before a first start to choose it instead.", ADMIN, password);
        } else if (created) {
            LOG.infof("Created user '%s' with the password in ATTENDANCE_ADMIN_PASSWORD.", ADMIN);
        }
    }
}
