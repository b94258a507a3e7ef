package uk.attendance.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.Map;
import org.jsoup.Jsoup;

/** A person using the pages from a browser: signed in with the form, carrying cookies and the CSRF token. */
public final class PageSession {

    private final Map<String, String> cookies = new HashMap<>();
    private String csrfToken;

    private PageSession() {
    }

    /** Signs in through the sign-in form, as a browser does. */
    public static PageSession signIn(String username, String password) {
        PageSession session = new PageSession();
        Response response = session.request().contentType(ContentType.URLENC)
                .formParam("j_username", username).formParam("j_password", password)
                .post("/j_security_check");
        assertThat(response.statusCode()).as("sign-in answer").isEqualTo(302);
        assertThat(response.header("Location")).as("sign-in redirect").doesNotContain("error");
        session.cookies.putAll(response.getCookies());
        return session;
    }

    /** Another browser holding copies of this one's cookies, e.g. one taken from it. */
    public PageSession copy() {
        PageSession copy = new PageSession();
        copy.cookies.putAll(cookies);
        return copy;
    }

    /** Nobody signed in. */
    public static PageSession anonymous() {
        return new PageSession();
    }

    public Response get(String path, Object... pathParams) {
        return keep(request().get(path, pathParams));
    }

    /** A GET as htmx sends it, for a fragment. */
    public Response htmxGet(String path, Object... pathParams) {
        return keep(request().header("HX-Request", "true").get(path, pathParams));
    }

    /** A form post with the page's CSRF token, as a plain browser form sends it. */
    public Response post(String path, Map<String, ?> form, Object... pathParams) {
        return keep(formRequest(form, true).post(path, pathParams));
    }

    /** A form post as htmx sends it (the card or fragment comes back in place). */
    public Response htmxPost(String path, Map<String, ?> form, Object... pathParams) {
        return keep(formRequest(form, true).header("HX-Request", "true").post(path, pathParams));
    }

    /** A form post without the CSRF token, as another site's form would send it. */
    public Response postWithoutToken(String path, Map<String, ?> form, Object... pathParams) {
        return keep(formRequest(form, false).post(path, pathParams));
    }

    private RequestSpecification formRequest(Map<String, ?> form, boolean withToken) {
        RequestSpecification request = request().contentType(ContentType.URLENC).formParams(form);
        return withToken ? request.formParam(CsrfToken.FIELD, csrfToken()) : request;
    }

    /** The session's CSRF token, as every page carries it for its forms and scripts. */
    public String csrfToken() {
        if (csrfToken == null) {
            csrfToken = Jsoup.parse(get("/login").asString()).select("meta[name=csrf-token]").attr("content");
        }
        return csrfToken;
    }

    /** A request carrying this browser's cookies and nothing else, e.g. for a script calling the API. */
    public RequestSpecification withCookies() {
        return request();
    }

    private RequestSpecification request() {
        return given().auth().none().redirects().follow(false).cookies(cookies);
    }

    private Response keep(Response response) {
        cookies.putAll(response.getCookies());
        return response;
    }
}
