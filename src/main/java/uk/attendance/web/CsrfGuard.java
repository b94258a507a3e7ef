package uk.attendance.web;

import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

/** Refuses a page form post whose CSRF token does not match the browser's cookie (see {@link CsrfToken}). */
public class CsrfGuard {

    @WebPage
    @ServerRequestFilter(readBody = true)
    public Optional<Response> verify(ResteasyReactiveContainerRequestContext context) {
        if ("GET".equals(context.getMethod()) || "HEAD".equals(context.getMethod())) {
            return Optional.empty();
        }
        Cookie cookie = context.getCookies().get(CsrfToken.COOKIE);
        Object sent = ((ResteasyReactiveRequestContext) context.getServerRequestContext())
                .getFormParameter(CsrfToken.FIELD, true, false);
        if (cookie != null && sent instanceof String token && matches(cookie.getValue(), token)) {
            return Optional.empty();
        }
        return Optional.of(Response.status(Response.Status.FORBIDDEN).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity("<!DOCTYPE html><html lang=\"en-GB\"><title>Form expired</title><h1>This form has expired</h1>"
                        + "<p>Nothing was saved. Go back, reload the page and try again.</p></html>")
                .build());
    }

    private static boolean matches(String expected, String sent) {
        return !expected.isBlank() && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
    }
}
