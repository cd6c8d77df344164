package dev.evalgate.files;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * A file being replaced: what is written goes to a hidden temporary file beside the target, and
 * {@link #commit()} moves it into place in one step, so the target always holds either its old or its new
 * complete content.
 *
 * <p>Closing without committing deletes the temporary file; one left by a process that was killed is removed by
 * the next write to the same target (see {@link TempFiles}).
 */
public final class AtomicFile implements Closeable {

    private final Path target;
    private final Path temp;
    private final OutputStream out;
    private boolean finished;

    private AtomicFile(Path target, Path temp, OutputStream out) {
        this.target = target;
        this.temp = temp;
        this.out = out;
    }

    /** Starts replacing {@code target}, creating its folder; nothing is visible at {@code target} until commit. */
    public static AtomicFile open(Path target) throws IOException {
        if (Files.isDirectory(target)) {
            // a move would replace an empty folder; writing in place never did
            throw new FileSystemException(target.toString(), null, "is a folder, not a file");
        }
        Path temp = TempFiles.create(target);
        try {
            return new AtomicFile(target, temp, Files.newOutputStream(temp, StandardOpenOption.WRITE));
        } catch (IOException e) {
            TempFiles.delete(temp);
            throw e;
        }
    }

    /** Replaces {@code target} with {@code text} in UTF-8, or leaves it as it was if writing fails. */
    public static void writeString(Path target, String text) throws IOException {
        try (AtomicFile file = open(target)) {
            try (Writer w = file.writer()) {
                w.write(text);
            }
            file.commit();
        }
    }

    /** The stream to write the new content to; closing it does not commit. */
    public OutputStream stream() {
        return out;
    }

    /** A buffered UTF-8 writer over {@link #stream()}; closing it does not commit. */
    public Writer writer() {
        return new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    }

    /** The temporary file, for writers that open the path themselves (close them before {@link #commit()}). */
    public Path temp() {
        return temp;
    }

    public Path target() {
        return target;
    }

    /** Closes the stream and moves the new content into place. */
    public void commit() throws IOException {
        if (finished) {
            throw new IllegalStateException(target + " is already committed or closed");
        }
        out.close();
        replace(temp, target);
        finished = true;
    }

    /** Discards the new content unless it was committed; the target is left as it was. */
    @Override
    public void close() {
        if (finished) {
            return;
        }
        finished = true;
        try {
            out.close();
        } catch (IOException ignored) {
            // the file is deleted next either way
        }
        TempFiles.delete(temp);
    }

    /** Moves {@code source} over {@code target} atomically where the file system can, else replacing it. */
    public static void replace(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
