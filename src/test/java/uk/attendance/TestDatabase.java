package uk.attendance;

import io.quarkus.test.common.QuarkusTestResource;

/** Gives every @QuarkusTest in the suite the same database (see {@link MariaDbTestResource}). */
@QuarkusTestResource(value = MariaDbTestResource.class, restrictToAnnotatedClass = false)
public final class TestDatabase {

    private TestDatabase() {
    }
}
