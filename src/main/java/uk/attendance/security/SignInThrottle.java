package uk.attendance.security;

import io.quarkus.security.AuthenticationFailedException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed sign-ins per username, whether or not the user exists (so a 429 says nothing about that). After
 * {@link SecurityConfig#maxFailedSignIns()} failures within {@link SecurityConfig#failureWindow()}, sign-in for that
 * username is refused, whatever the password, until the oldest of them leaves the window. Kept in memory: a restart
 * forgets the count, which costs an attacker a restart they cannot cause.
 */
@ApplicationScoped
public class SignInThrottle {

    /** Beyond this many usernames with recent failures, the ones whose failures have all expired are forgotten. */
    private static final int TIDY_ABOVE = 10_000;

    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final SecurityConfig config;
    private final Clock clock;

    SignInThrottle(SecurityConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** The attribute of the {@link AuthenticationFailedException} refusing a throttled sign-in: whole seconds to wait. */
    static final String RETRY_AFTER_SECONDS = "retry-after-seconds";

    /** Throws when sign-in for this username is refused for now. */
    public void check(String username) {
        Optional<Duration> wait = blockedFor(username);
        if (wait.isPresent()) {
            long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
            throw new AuthenticationFailedException("Too many failed sign-ins", Map.of(RETRY_AFTER_SECONDS, seconds));
        }
    }

    public Optional<Duration> blockedFor(String username) {
        Deque<Instant> times = failures.get(key(username));
        if (times == null) {
            return Optional.empty();
        }
        Instant now = Instant.now(clock);
        synchronized (times) {
            expire(times, now);
            if (times.size() < config.maxFailedSignIns()) {
                return Optional.empty();
            }
            return Optional.of(Duration.between(now, times.peekFirst().plus(config.failureWindow())));
        }
    }

    public void failed(String username) {
        Instant now = Instant.now(clock);
        if (failures.size() > TIDY_ABOVE) {
            tidy(now);
        }
        Deque<Instant> times = failures.computeIfAbsent(key(username), k -> new ArrayDeque<>());
        synchronized (times) {
            expire(times, now);
            times.addLast(now);
            while (times.size() > config.maxFailedSignIns()) {
                times.removeFirst();
            }
        }
    }

    public void succeeded(String username) {
        failures.remove(key(username));
    }

    private void expire(Deque<Instant> times, Instant now) {
        Instant cutoff = now.minus(config.failureWindow());
        while (!times.isEmpty() && !times.peekFirst().isAfter(cutoff)) {
            times.removeFirst();
        }
    }

    private void tidy(Instant now) {
        failures.values().removeIf(times -> {
            synchronized (times) {
                expire(times, now);
                return times.isEmpty();
            }
        });
    }

    // Usernames are compared without regard to case by the database, so they are counted that way too.
    private static String key(String username) {
        return username == null ? "" : username.toLowerCase(Locale.ROOT);
    }
}
