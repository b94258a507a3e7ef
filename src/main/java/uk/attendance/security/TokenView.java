package uk.attendance.security;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/** An MIS token; {@code token} is only present in the answer that created it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TokenView(Long id, String schoolId, String name, String token, Instant createdAt, String createdBy,
        Instant revokedAt, String revokedBy) {

    static TokenView of(MisToken token, String secret) {
        return new TokenView(token.id, token.schoolId, token.name, secret, token.createdAt, token.createdBy,
                token.revokedAt, token.revokedBy);
    }
}
