package uk.attendance.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static uk.attendance.TestData.pupil;

import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import uk.attendance.AdminByDefault;
import uk.attendance.TestData;
import uk.attendance.TestUsers;

/**
 * The pages' counterpart of the API's EndpointAccessTest. Every resource method the service has is
 * found from its beans: an API one must be in the OpenAPI document (which that test walks), a page
 * must be in {@link #PAGES}, and each page is called by nobody, an MIS token and every role, in
 * their own school and another.
 */
@QuarkusTest
class PageAccessTest {

    enum Who { ADMIN, AUTHOR, LEAD }

    /** Who may open each page; for a school's page, only in their own school. {@code null}: anyone. */
    private static final Map<String, Set<Who>> PAGES = new java.util.HashMap<>(Map.ofEntries(
            Map.entry("GET /", EnumSet.allOf(Who.class)),
            Map.entry("GET /schools/{schoolId}", EnumSet.of(Who.ADMIN, Who.LEAD)),
            Map.entry("GET /schools/{schoolId}/queue", EnumSet.of(Who.ADMIN, Who.LEAD)),
            Map.entry("GET /schools/{schoolId}/overview", EnumSet.of(Who.ADMIN, Who.LEAD)),
            Map.entry("POST /schools/{schoolId}/actions/{id}/decision", EnumSet.of(Who.ADMIN, Who.LEAD)),
            Map.entry("POST /schools/{schoolId}/evaluate", EnumSet.of(Who.ADMIN, Who.LEAD)),
            Map.entry("GET /schools/{schoolId}/calendar", EnumSet.of(Who.ADMIN, Who.LEAD)),
            Map.entry("POST /schools/{schoolId}/calendar", EnumSet.of(Who.ADMIN)),
            Map.entry("POST /schools/{schoolId}/actions/decisions", EnumSet.of(Who.ADMIN, Who.LEAD)),
            Map.entry("GET /schools/{schoolId}/letters.pdf", EnumSet.of(Who.ADMIN, Who.LEAD)),
            Map.entry("GET /schools/{schoolId}/pupils", EnumSet.of(Who.ADMIN, Who.LEAD)),
            Map.entry("GET /schools/{schoolId}/pupils/{upn}", EnumSet.of(Who.ADMIN, Who.LEAD)),
            Map.entry("GET /schools/{schoolId}/actions/{id}/letter", EnumSet.of(Who.ADMIN, Who.LEAD)),
            Map.entry("GET /policies", EnumSet.of(Who.ADMIN, Who.AUTHOR)),
            Map.entry("GET /policies/{id}", EnumSet.of(Who.ADMIN, Who.AUTHOR)),
            Map.entry("POST /policies/{id}/workbench", EnumSet.of(Who.ADMIN, Who.AUTHOR)),
            Map.entry("POST /policies/{id}/versions/{version}/activate", EnumSet.of(Who.ADMIN, Who.AUTHOR)),
            Map.entry("POST /policies/reload", EnumSet.of(Who.ADMIN, Who.AUTHOR))));

    /** Open to everyone: signing in and out. */
    private static final Set<String> OPEN = Set.of("GET /login", "POST /logout");

    @Test
    void everyResourceMethodIsDocumentedForTheApiOrListedAsAPage() {
        Map<String, Object> documented = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .extract().path("paths");
        List<String> unlisted = new ArrayList<>();
        for (String route : resourceRoutes()) {
            String method = route.substring(0, route.indexOf(' '));
            String path = route.substring(route.indexOf(' ') + 1);
            boolean known = path.startsWith("/api/")
                    ? documented.containsKey(path) && ((Map<?, ?>) documented.get(path)).containsKey(method.toLowerCase())
                    : PAGES.containsKey(route) || OPEN.contains(route);
            if (!known) {
                unlisted.add(route);
            }
        }
        assertThat(unlisted).as("resource methods no access test walks").isEmpty();
    }

    @Test
    void everyPageAnswersOnlyTheCallersItShould() {
        String own = TestData.school("coopers");
        String other = TestData.school("coopers");
        String ownUpn = TestData.upn(1);
        String otherUpn = TestData.upn(2);
        TestData.pupils(own, pupil(ownUpn, "2012-01-15", 8));
        TestData.pupils(other, pupil(otherUpn, "2012-01-15", 8));
        TestUsers.Person author = TestUsers.author();
        TestUsers.Person lead = TestUsers.lead(own);
        String token = TestUsers.misToken(own, "SIMS");
        Map<Who, PageSession> sessions = Map.of(
                Who.ADMIN, PageSession.signIn(AdminByDefault.ADMIN, AdminByDefault.adminPassword()),
                Who.AUTHOR, PageSession.signIn(author.username(), author.password()),
                Who.LEAD, PageSession.signIn(lead.username(), lead.password()));

        List<String> wrong = new ArrayList<>();
        PAGES.forEach((route, allowed) -> {
            expectSignIn(wrong, route, "nobody", call(PageSession.anonymous(), route, own, ownUpn));
            expectSignIn(wrong, route, "an MIS token", given().auth().oauth2(token).redirects().follow(false)
                    .request(route.substring(0, route.indexOf(' ')), path(route, own, ownUpn)));
            for (Who who : Who.values()) {
                Response ownAnswer = call(sessions.get(who), route, own, ownUpn);
                if (allowed.contains(who)) {
                    expectLetIn(wrong, route, who + " in its own school", ownAnswer);
                } else {
                    expectStatus(wrong, route, who.toString(), ownAnswer, 403);
                }
                if (route.contains("{schoolId}") && allowed.contains(who)) {
                    Response otherAnswer = call(sessions.get(who), route, other, otherUpn);
                    if (who == Who.ADMIN) {
                        expectLetIn(wrong, route, "ADMIN in any school", otherAnswer);
                    } else {
                        expectStatus(wrong, route, who + " in another school", otherAnswer, 403);
                    }
                }
            }
        });
        assertThat(wrong).as("pages answering outside the access rules").isEmpty();
    }

    private static Response call(PageSession session, String route, String school, String upn) {
        String path = path(route, school, upn);
        if (route.startsWith("POST ")) {
            Map<String, String> form = route.endsWith("/workbench") ? Map.of("do", "check") : Map.of("decision", "ACCEPTED");
            return session.post(path, form);
        }
        return session.get(path);
    }

    private static String path(String route, String school, String upn) {
        return route.substring(route.indexOf(' ') + 1)
                .replace("{schoolId}", school).replace("{upn}", upn)
                .replace("{id}", route.contains("/policies/") ? "coopers" : "999999").replace("{version}", "000000000000");
    }

    private static void expectSignIn(List<String> wrong, String route, String caller, Response answer) {
        String location = answer.header("Location");
        if (answer.statusCode() != 302 || location == null || !location.contains("/login")) {
            wrong.add(route + " with " + caller + ": " + answer.statusCode() + " " + location + ", expected a redirect to sign in");
        }
    }

    private static void expectStatus(List<String> wrong, String route, String caller, Response answer, int status) {
        if (answer.statusCode() != status) {
            wrong.add(route + " with " + caller + ": " + answer.statusCode() + ", expected " + status);
        }
    }

    private static void expectLetIn(List<String> wrong, String route, String caller, Response answer) {
        int status = answer.statusCode();
        String location = answer.header("Location");
        if (status == 401 || status == 403 || status >= 500 || (location != null && location.contains("/login"))) {
            wrong.add(route + " with " + caller + ": " + status + ", expected to be let in");
        }
    }

    /** "METHOD /path" for every JAX-RS resource method among the application's beans. */
    private static Set<String> resourceRoutes() {
        Set<String> routes = new TreeSet<>();
        for (Bean<?> bean : Arc.container().beanManager().getBeans(Object.class, Any.Literal.INSTANCE)) {
            Class<?> type = bean.getBeanClass();
            Path classPath = type.getAnnotation(Path.class);
            if (classPath == null || !type.getName().startsWith("uk.attendance.")) {
                continue;
            }
            for (Method method : type.getDeclaredMethods()) {
                String verb = verb(method);
                if (verb != null) {
                    Path methodPath = method.getAnnotation(Path.class);
                    routes.add(verb + " " + join(classPath.value(), methodPath == null ? "" : methodPath.value()));
                }
            }
        }
        assertThat(routes).as("resource methods found").isNotEmpty();
        return routes;
    }

    private static String verb(Method method) {
        for (Class<? extends Annotation> verb : List.of(GET.class, POST.class, PUT.class, DELETE.class)) {
            if (method.isAnnotationPresent(verb)) {
                return verb.getSimpleName();
            }
        }
        return null;
    }

    private static String join(String base, String sub) {
        String joined = ("/" + base + "/" + sub).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }
}
