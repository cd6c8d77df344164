package dev.evalgate.run;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * The head of one HTTP/1.1 request the stand-in received: what it needs to answer and to find the next request on
 * the connection (the path, how the body is framed, whether the client will close).
 */
record StandInRequest(String path, long contentLength, boolean chunked, boolean expectsContinue, boolean closes) {

    /** Reads the request line and headers; null when the connection ended before another request began. */
    static StandInRequest read(InputStream in, int longest) throws IOException {
        String line = line(in, longest, true);
        if (line == null) {
            return null;
        }
        String[] parts = line.split(" ");
        if (parts.length < 3) {
            throw new IOException("not an HTTP request line: " + line);
        }
        long length = 0;
        boolean chunked = false;
        boolean expects = false;
        boolean closes = parts[2].equals("HTTP/1.0");
        int read = line.length();
        for (String header = line(in, longest, false); !header.isEmpty(); header = line(in, longest, false)) {
            read += header.length();
            if (read > longest) {
                throw new IOException("request head longer than " + longest + " bytes");
            }
            int colon = header.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = header.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String value = header.substring(colon + 1).strip().toLowerCase(Locale.ROOT);
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.contains("chunked");
                case "expect" -> expects = value.equals("100-continue");
                case "connection" -> closes = value.equals("close") || (closes && !value.equals("keep-alive"));
                default -> {
                }
            }
        }
        return new StandInRequest(parts[1], length, chunked, expects, closes);
    }

    /** Reads past the body, whichever way it is framed. */
    void skipBody(InputStream in) throws IOException {
        if (!chunked) {
            skip(in, contentLength);
            return;
        }
        while (true) {
            String size = line(in, 1024, false);
            int extension = size.indexOf(';');
            long n = Long.parseLong((extension < 0 ? size : size.substring(0, extension)).strip(), 16);
            if (n == 0) {
                // trailers, if any, end with an empty line
                while (!line(in, 8192, false).isEmpty()) {
                    continue;
                }
                return;
            }
            skip(in, n);
            line(in, 2, false);
        }
    }

    private static void skip(InputStream in, long n) throws IOException {
        long left = n;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new EOFException("the request body ended early");
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    /** One line without its CRLF; null at the end of the stream before any byte when {@code mayEnd}. */
    private static String line(InputStream in, int longest, boolean mayEnd) throws IOException {
        StringBuilder line = new StringBuilder();
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (mayEnd && line.isEmpty()) {
                    return null;
                }
                throw new EOFException("the request ended in its head");
            }
            if (b == '\n') {
                int end = line.length();
                return end > 0 && line.charAt(end - 1) == '\r' ? line.substring(0, end - 1) : line.toString();
            }
            if (line.length() >= longest) {
                throw new IOException("request line longer than " + longest + " bytes");
            }
            line.append((char) b);
        }
    }
}
