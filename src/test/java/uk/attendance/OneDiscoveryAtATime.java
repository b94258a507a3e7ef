package uk.attendance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.platform.launcher.LauncherDiscoveryListener;
import org.junit.platform.launcher.LauncherDiscoveryRequest;

/**
 * The two test JVMs discover their tests one after the other. Discovering the first {@code @QuarkusTest} builds the test
 * application, and the build writes shared folders under target/ (the web bundle; on a clean clone, node_modules): two at
 * once delete each other's files. A file lock on target/ orders them; the suite engine's nested discovery runs inside
 * the outer one, hence the count.
 */
public class OneDiscoveryAtATime implements LauncherDiscoveryListener {

    private static final Path LOCK = Path.of("target", "test-discovery.lock");

    private int depth;
    private FileChannel channel;
    private FileLock lock;

    @Override
    public synchronized void launcherDiscoveryStarted(LauncherDiscoveryRequest request) {
        if (depth++ > 0) {
            return;
        }
        try {
            Files.createDirectories(LOCK.getParent());
            channel = FileChannel.open(LOCK, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            lock = channel.lock();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not lock " + LOCK, e);
        }
    }

    @Override
    public synchronized void launcherDiscoveryFinished(LauncherDiscoveryRequest request) {
        if (--depth > 0 || channel == null) {
            return;
        }
        try (FileChannel open = channel) {
            lock.release();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not unlock " + LOCK, e);
        } finally {
            channel = null;
            lock = null;
        }
    }
}
