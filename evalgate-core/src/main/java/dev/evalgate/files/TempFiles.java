package dev.evalgate.files;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The hidden temporary files written beside the files evalgate replaces: named
 * {@code .<name>.<pid>-<n>.partial} so that one left by a killed process can be told from one in use.
 *
 * <p>A process that is killed leaves its temporary files behind, so creating one first deletes any left beside
 * the same target by a process that is no longer alive. (No shutdown hook deletes them: on Ctrl-C, {@code run}
 * still completes its results file while the JVM shuts down, and hooks run all at once.)
 */
public final class TempFiles {

    private static final String SUFFIX = ".partial";
    private static final long PID = ProcessHandle.current().pid();
    private static final AtomicLong COUNTER = new AtomicLong();

    private TempFiles() {
    }

    /** Creates an empty temporary file beside {@code target}, creating the folder. */
    public static Path create(Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        String name = target.getFileName().toString();
        removeAbandoned(dir, name);
        // created with the default permissions (not createTempFile's owner-only ones, which the move would keep)
        Path temp = dir.resolve("." + name + "." + PID + "-" + COUNTER.incrementAndGet() + SUFFIX);
        Files.createFile(temp);
        return temp;
    }

    /** Deletes a temporary file this process no longer needs. */
    public static void delete(Path temp) {
        deleteQuietly(temp);
    }

    private static void removeAbandoned(Path dir, String name) {
        String prefix = "." + name + ".";
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, entry -> {
            String n = entry.getFileName().toString();
            return n.startsWith(prefix) && n.endsWith(SUFFIX);
        })) {
            for (Path file : files) {
                String n = file.getFileName().toString();
                if (n.length() < prefix.length() + SUFFIX.length()) {
                    deleteQuietly(file); // the fixed name earlier versions used: .<name>.partial
                    continue;
                }
                String middle = n.substring(prefix.length(), n.length() - SUFFIX.length());
                if (abandoned(middle)) {
                    deleteQuietly(file);
                }
            }
        } catch (IOException ignored) {
            // a leftover is only clutter; it must not stop the write
        }
    }

    /** Whether the process named in a temporary file's name has ended. */
    private static boolean abandoned(String middle) {
        int dash = middle.indexOf('-');
        try {
            long pid = Long.parseLong(dash < 0 ? middle : middle.substring(0, dash));
            return pid != PID && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a hidden leftover is harmless, and failing here would hide the real error
        }
    }
}
