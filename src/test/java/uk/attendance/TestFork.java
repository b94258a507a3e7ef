package uk.attendance;

/**
 * Which of Surefire's test JVMs this is. The suite runs in two at once (pom.xml's forkCount); each has its own test database,
 * policy folder and embedded-server directory, named with {@link #suffix()}, so the two never share state.
 */
public final class TestFork {

    private TestFork() {
    }

    /** Empty in the first (or only) test JVM; {@code _2} in the second. */
    public static String suffix() {
        String fork = System.getProperty("test.fork", "1");
        return fork.isBlank() || fork.equals("1") ? "" : "_" + fork;
    }
}
