package fr.atelier.server.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code atelier.lock} in the data folder, locked for the life of the process: one folder, one
 * server. The operating system drops the lock when the process dies, even by {@code kill -9}, so a
 * lock that can be taken is never held by a live server, whatever the file still says.
 */
final class DataDirLock implements AutoCloseable {
    static final String FILE = "atelier.lock";
    /**
     * Folders locked by this JVM. Asked before touching the file: on POSIX systems closing any
     * channel on a locked file releases the JVM's lock on it (FileLock Javadoc).
     */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path dir;
    private final FileChannel channel;
    private final FileLock lock;
    private final String previousOwner;

    private DataDirLock(Path dir, FileChannel channel, FileLock lock, String previousOwner) {
        this.dir = dir;
        this.channel = channel;
        this.lock = lock;
        this.previousOwner = previousOwner;
    }

    /** Takes the folder, or refuses at once with the reason when a live server holds it. */
    static DataDirLock acquire(Path dataDir) {
        Path dir = dataDir.toAbsolutePath().normalize();
        if (!HELD.add(dir)) {
            throw inUse(dir, "a server of this same process");
        }
        try {
            Files.createDirectories(dir);
            Path file = dir.resolve(FILE);
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException | IOException e) {
                lock = null;
            }
            String owner = read(channel);
            if (lock == null) {
                channel.close();
                HELD.remove(dir);
                throw inUse(dir, owner.isEmpty() ? "another process" : "process " + owner);
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            channel.force(false);
            return new DataDirLock(dir, channel, lock, owner);
        } catch (IOException e) {
            HELD.remove(dir);
            throw new UncheckedIOException("cannot lock the data folder " + dir, e);
        }
    }

    private static StartupError inUse(Path dir, String owner) {
        return new StartupError("Le dossier de données " + dir + " sert déjà à un autre serveur Atelier (" + owner
                + ") : arrêtez-le d'abord ou donnez à celui-ci son propre ATELIER_DATA_DIR. / the data folder " + dir
                + " is in use by another Atelier server (" + owner + "): stop that one first, or give this one its own ATELIER_DATA_DIR");
    }

    private static String read(FileChannel channel) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(64);
        channel.read(buf, 0);
        return new String(buf.array(), 0, buf.position(), StandardCharsets.US_ASCII).trim();
    }

    Path dir() {
        return dir;
    }

    /** The process that held the folder before, if it died without letting go (empty if none). */
    String previousOwner() {
        return previousOwner;
    }

    @Override
    public void close() {
        try {
            // Emptied first: a file naming no process means the last owner stopped cleanly.
            channel.truncate(0);
            lock.release();
            channel.close();
        } catch (IOException e) {
            // The process ends soon or the lock goes with the channel anyway.
        } finally {
            HELD.remove(dir);
        }
    }
}
