package uk.attendance.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Checks a username and password (HTTP Basic, or the sign-in form) against the users table. */
@ApplicationScoped
public class PersonIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private final Identities identities;

    PersonIdentityProvider(Identities identities) {
        this.identities = identities;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> identities.person(request.getUsername(), request.getPassword().getPassword()));
    }
}
