package dev.evalgate.dataset;

import dev.evalgate.error.ConfigException;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Opens dataset files as UTF-8 text, with or without a byte order mark, and words read failures for users. */
final class TextFiles {

    private static final int BUFFER = 1 << 16;

    private TextFiles() {
    }

    /**
     * A reader over {@code file} that skips a leading UTF-8 byte order mark (Excel writes one) and fails on bytes
     * that are not UTF-8 instead of silently replacing them, so a wrongly encoded file is reported, not scored.
     */
    static BufferedReader open(Path file) {
        InputStream in = null;
        try {
            in = new BufferedInputStream(Files.newInputStream(file), BUFFER);
            in.mark(3);
            byte[] head = in.readNBytes(3);
            boolean bom = head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB
                    && (head[2] & 0xFF) == 0xBF;
            if (!bom) {
                in.reset();
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()), BUFFER);
        } catch (IOException e) {
            closeQuietly(in);
            throw failure(file, 0, e);
        }
    }

    /** The user-facing error for an I/O failure at {@code line} (0 when unknown). */
    static ConfigException failure(Path file, int line, IOException e) {
        if (e instanceof NoSuchFileException) {
            return ConfigException.at(file.toString(), 0, "file not found. Check the 'dataset:' path.");
        }
        if (e instanceof CharacterCodingException) {
            // the reader decodes ahead of the parser, so the parser's line is not where the bad byte is
            return ConfigException.at(file.toString(), lineOfInvalidUtf8(file, line),
                    "the text is not valid UTF-8. Save the file with UTF-8 encoding.");
        }
        return ConfigException.at(file.toString(), line, "cannot read the file: " + e.getMessage());
    }

    /** The 1-based line of the first byte sequence in {@code file} that is not UTF-8, or {@code fallback}. */
    static int lineOfInvalidUtf8(Path file, int fallback) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
        ByteBuffer bytes = ByteBuffer.allocate(BUFFER);
        CharBuffer chars = CharBuffer.allocate(BUFFER);
        int line = 1;
        try (InputStream in = Files.newInputStream(file)) {
            boolean end = false;
            while (true) {
                int n = end ? -1 : in.read(bytes.array(), bytes.position(), bytes.remaining());
                if (n < 0) {
                    end = true;
                } else {
                    bytes.position(bytes.position() + n);
                }
                bytes.flip();
                int start = bytes.position();
                CoderResult result = decoder.decode(bytes, chars, end);
                for (int i = start; i < bytes.position(); i++) {
                    if (bytes.array()[i] == '\n') { // a newline byte is never part of a longer UTF-8 sequence
                        line++;
                    }
                }
                if (result.isError()) {
                    return line;
                }
                chars.clear();
                if (end && !bytes.hasRemaining()) {
                    return fallback;
                }
                bytes.compact();
            }
        } catch (IOException e) {
            return fallback;
        }
    }

    static ConfigException failure(Path file, int line, UncheckedIOException e) {
        return failure(file, line, e.getCause());
    }

    static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception ignored) {
            // closing a file we only read from cannot lose data
        }
    }
}
