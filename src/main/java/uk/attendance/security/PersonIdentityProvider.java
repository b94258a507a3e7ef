package uk.attendance.security;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Checks a username and password (HTTP Basic, or the sign-in form) against the users table. */
@ApplicationScoped
public class PersonIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {

    private final Identities identities;
    private final String signInForm;

    PersonIdentityProvider(Identities identities,
            @ConfigProperty(name = "quarkus.http.auth.form.post-location", defaultValue = "/j_security_check") String signInForm) {
        this.identities = identities;
        this.signInForm = signInForm;
    }

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request, AuthenticationRequestContext context) {
        String username = request.getUsername();
        char[] password = request.getPassword().getPassword();
        if (isSignInForm(HttpSecurityUtils.getRoutingContextAttribute(request))) {
            return context.runBlocking(() -> identities.signIn(username, password));
        }
        return context.runBlocking(() -> identities.person(username, password));
    }

    // The form's post opens a page session; HTTP Basic checks the password on every request and opens none.
    private boolean isSignInForm(RoutingContext routing) {
        return routing != null && routing.request().method() == HttpMethod.POST && routing.normalizedPath().equals(signInForm);
    }
}
