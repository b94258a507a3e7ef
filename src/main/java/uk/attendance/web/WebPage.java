package uk.attendance.web;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A resource that serves pages to people in a browser: its forms must carry the CSRF token ({@link CsrfGuard})
 * and its problems are shown as pages ({@link PageProblems}). The REST API is never bound.
 */
@NameBinding
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface WebPage {
}
