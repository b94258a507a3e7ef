package uk.attendance.security;

import at.favre.lib.crypto.bcrypt.BCrypt;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bcrypt hashing for people's passwords, SHA-256 for MIS tokens (random 256-bit values need no
 * slow hash). HTTP Basic sends the password on every request, so a successful bcrypt check is
 * remembered for a few minutes against the stored hash: a changed password invalidates it.
 */
@ApplicationScoped
public class Passwords {

    private static final Duration REMEMBER = Duration.ofMinutes(5);
    private static final SecureRandom RANDOM = new SecureRandom();
    private final byte[] pepper = randomBytes(32);
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int cost;
    /** Verifying against this when the user does not exist takes as long as a real check. */
    private final String decoyHash;

    Passwords(Clock clock, SecurityConfig config) {
        this.clock = clock;
        this.cost = config.passwordHashCost();
        this.decoyHash = hash("decoy");
    }

    public String hash(String password) {
        return BCrypt.withDefaults().hashToString(cost, password.toCharArray());
    }

    public boolean matches(String username, char[] password, String storedHash) {
        String presented = sha256Hex(pepper, new String(password).getBytes(StandardCharsets.UTF_8));
        Instant now = Instant.now(clock);
        Verified remembered = verified.get(username);
        if (remembered != null && remembered.storedHash.equals(storedHash) && remembered.presented.equals(presented)
                && now.isBefore(remembered.until)) {
            return true;
        }
        boolean ok = BCrypt.verifyer().verify(password, storedHash).verified;
        if (ok) {
            verified.put(username, new Verified(storedHash, presented, now.plus(REMEMBER)));
        }
        return ok;
    }

    public void decoyCheck(char[] password) {
        BCrypt.verifyer().verify(password, decoyHash);
    }

    /** A password or token a person can copy: 32 random bytes, base64url. */
    public static String generateSecret() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(32));
    }

    public static String tokenHash(String token) {
        return sha256Hex(new byte[0], token.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static String sha256Hex(byte[] salt, byte[] value) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(salt);
            return HexFormat.of().formatHex(digest.digest(value));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("The JVM has no SHA-256", e);
        }
    }

    private record Verified(String storedHash, String presented, Instant until) {
    }
}
