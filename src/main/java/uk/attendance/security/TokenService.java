package uk.attendance.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import uk.attendance.problem.FieldError;
import uk.attendance.problem.ProblemException;
import uk.attendance.problem.TextInput;

@ApplicationScoped
public class TokenService {

    private final SchoolAccess access;
    private final Caller caller;
    private final Clock clock;

    TokenService(SchoolAccess access, Caller caller, Clock clock) {
        this.access = access;
        this.caller = caller;
        this.clock = clock;
    }

    @Transactional
    public TokenView create(String schoolId, TokenRequest request) {
        access.require(schoolId);
        if (request == null || request.name() == null || request.name().isBlank() || request.name().length() > 100) {
            throw ProblemException.invalid(FieldError.of("name", "a token has a name of 1 to 100 characters, e.g. the MIS it is for"));
        }
        TextInput.lineProblem("name", request.name(), 100).ifPresent(problem -> {
            throw ProblemException.invalid(FieldError.of("name", problem));
        });
        String secret = Passwords.generateSecret();
        MisToken token = new MisToken();
        token.schoolId = schoolId;
        token.name = request.name().trim();
        token.tokenHash = Passwords.tokenHash(secret);
        token.createdAt = Instant.now(clock);
        token.createdBy = caller.name();
        token.persist();
        return TokenView.of(token, secret);
    }

    @Transactional
    public List<TokenView> list(String schoolId) {
        access.require(schoolId);
        return MisToken.forSchool(schoolId).stream().map(t -> TokenView.of(t, null)).toList();
    }

    @Transactional
    public TokenView revoke(String schoolId, Long tokenId) {
        access.require(schoolId);
        MisToken token = MisToken.<MisToken>findByIdOptional(tokenId)
                .filter(t -> t.schoolId.equals(schoolId))
                .orElseThrow(() -> ProblemException.notFound("No token " + tokenId + " in school '" + schoolId + "'."));
        if (token.revokedAt == null) {
            token.revokedAt = Instant.now(clock);
            token.revokedBy = caller.name();
        }
        return TokenView.of(token, null);
    }
}
