package dev.evalgate.targets.command;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The last lines a worker wrote to stderr, kept so that a crash can be explained in the error message.
 *
 * <p>Bounded, because a chatty worker that logs every request would otherwise grow without limit.
 */
final class StderrTail {

    static final int LINES = 50;
    private static final int LINE_CHARS = 500;

    private final Deque<String> lines = new ArrayDeque<>();
    private final Thread reader;

    private StderrTail(InputStream stderr) {
        this.reader = Thread.ofVirtual().name("evalgate-worker-stderr").start(() -> drain(stderr));
    }

    /** Starts reading {@code stderr} on a virtual thread until it ends. */
    static StderrTail follow(InputStream stderr) {
        return new StderrTail(stderr);
    }

    private void drain(InputStream stderr) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(stderr, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                add(line.length() > LINE_CHARS ? line.substring(0, LINE_CHARS) + "…" : line);
            }
        } catch (IOException e) {
            // The process is gone; what was read is what there is.
        }
    }

    private synchronized void add(String line) {
        if (lines.size() == LINES) {
            lines.removeFirst();
        }
        lines.addLast(line);
    }

    /** Waits briefly for the stream to end, so lines written just before an exit are not missed. */
    void awaitEnd() throws InterruptedException {
        reader.join(java.time.Duration.ofSeconds(2));
    }

    /** The kept lines, oldest first, ready to append to a message; empty text when there are none. */
    synchronized String describe() {
        if (lines.isEmpty()) {
            return " It wrote nothing to stderr.";
        }
        return " Last stderr lines:\n  " + String.join("\n  ", lines);
    }
}
