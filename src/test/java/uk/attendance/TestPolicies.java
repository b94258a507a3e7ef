package uk.attendance;

import io.quarkus.test.common.QuarkusTestResource;

/** Gives every @QuarkusTest its own copy of the policies folder (see {@link PolicyFolderTestResource}). */
@QuarkusTestResource(value = PolicyFolderTestResource.class, restrictToAnnotatedClass = false)
public final class TestPolicies {

    private TestPolicies() {
    }
}
