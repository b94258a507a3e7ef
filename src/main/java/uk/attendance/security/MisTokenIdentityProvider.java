package uk.attendance.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Checks an MIS bearer token against the hashes of the tokens not revoked. */
@ApplicationScoped
public class MisTokenIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    private final Identities identities;

    MisTokenIdentityProvider(Identities identities) {
        this.identities = identities;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> identities.misSystem(request.getToken().getToken()));
    }
}
