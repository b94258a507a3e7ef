package uk.attendance.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Sign-in throttling, password hashing, and how the service learns it is served over TLS. Each can come from ATTENDANCE_SECURITY_*. */
@ConfigMapping(prefix = "attendance.security")
public interface SecurityConfig {

    /** Failed sign-ins for one username within {@link #failureWindow()} after which its sign-in answers 429. */
    @WithDefault("10")
    int maxFailedSignIns();

    @WithDefault("PT15M")
    Duration failureWindow();

    /**
     * The address people reach the service at (e.g. {@code https://attendance.example.org}) when it is behind a
     * proxy; redirects use it. Unset, redirects are relative to the request's path: never built from the Host header.
     */
    Optional<String> publicBaseUrl();

    /**
     * Set when a TLS-terminating proxy sits in front of the service: cookies are then marked Secure and pages
     * ask browsers for HTTPS only, although the proxy talks plain HTTP to the service. A {@code https}
     * {@link #publicBaseUrl()} means the same.
     */
    @WithDefault("false")
    boolean behindTlsProxy();

    /**
     * The bcrypt work factor for people's passwords: each step doubles the time a check takes, for an attacker with a
     * stolen hash as for the service. Existing hashes keep the cost they were made with.
     */
    @WithDefault("11")
    int passwordHashCost();
}
