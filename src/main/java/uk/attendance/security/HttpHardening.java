package uk.attendance.security;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * What every answer carries, decided in one place before any handler runs: security headers, {@code no-store} on
 * everything but the bundled static files (pupil pages and JSON are about children), Secure cookies when served
 * over TLS, and redirects that never repeat the request's Host header (Quarkus and JAX-RS build absolute ones
 * from it): they become relative, or use the configured public address.
 */
@ApplicationScoped
public class HttpHardening {

    /** Scripts and styles come from this service only (htmx and the app are bundled); nothing may frame a page. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    private final SecurityConfig config;

    HttpHardening(SecurityConfig config) {
        this.config = config;
    }

    void register(@Observes Filters filters) {
        filters.register(this::harden, 1000);
    }

    private void harden(RoutingContext routing) {
        HttpServerRequest request = routing.request();
        String path = request.path();
        boolean secure = request.isSSL() || config.behindTlsProxy()
                || config.publicBaseUrl().map(url -> url.startsWith("https:")).orElse(false);
        routing.addHeadersEndHandler(ignored -> {
            HttpServerResponse response = routing.response();
            MultiMap headers = response.headers();
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("X-Frame-Options", "DENY");
            headers.set("Referrer-Policy", "same-origin");
            if (!path.startsWith("/q/")) {
                // Swagger UI (under /q/) runs inline scripts of its own; the service's pages never do.
                headers.set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
            }
            if (!path.startsWith("/static/")) {
                headers.set("Cache-Control", "no-store");
            }
            if (secure) {
                headers.set("Strict-Transport-Security", "max-age=31536000");
                // Cookies set through Vert.x's cookie jar are written after this handler: mark them here.
                request.cookies().forEach(cookie -> cookie.setSecure(true));
                List<String> cookies = headers.getAll("Set-Cookie");
                if (!cookies.isEmpty()) {
                    headers.remove("Set-Cookie");
                    for (String cookie : cookies) {
                        headers.add("Set-Cookie", cookie.toLowerCase(Locale.ROOT).contains("; secure") ? cookie : cookie + "; Secure");
                    }
                }
            }
            String location = headers.get("Location");
            if (location != null) {
                headers.set("Location", location(location));
            }
        });
        routing.next();
    }

    /** A redirect's target as this service's own path, on the configured public address if there is one. */
    String location(String location) {
        URI uri;
        try {
            uri = URI.create(location);
        } catch (IllegalArgumentException e) {
            return "/";
        }
        if (!uri.isAbsolute() && uri.getRawAuthority() == null) {
            return location;
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String local = path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment());
        return config.publicBaseUrl().map(base -> base.replaceAll("/+$", "") + local).orElse(local);
    }
}
