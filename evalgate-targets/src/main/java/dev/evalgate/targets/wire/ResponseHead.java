package dev.evalgate.targets.wire;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A response's status line and headers, read off a connection.
 *
 * @param names lower-case header names, in order, one per header line
 */
public record ResponseHead(int version, int status, List<String> names, List<String> values) {

    /** Longest head accepted, so a server that never ends its headers cannot fill the memory. */
    private static final int MAX_BYTES = 256 * 1024;

    /** The first value of header {@code name} (any case), if the response has it. */
    public Optional<String> header(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equals(wanted)) {
                return Optional.of(values.get(i));
            }
        }
        return Optional.empty();
    }

    /** Whether header {@code name} lists {@code token} among its comma-separated values (any case). */
    boolean lists(String name, String token) {
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equals(name)) {
                for (String part : values.get(i).split(",")) {
                    if (part.strip().equalsIgnoreCase(token)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Reads a head; interim 1xx responses before it are skipped. */
    static ResponseHead read(Http1Connection connection) throws IOException {
        while (true) {
            ResponseHead head = readOne(connection);
            if (head.status() >= 200 || head.status() == 101) {
                return head;
            }
        }
    }

    private static ResponseHead readOne(Http1Connection connection) throws IOException {
        int budget = MAX_BYTES;
        String statusLine = line(connection);
        budget -= statusLine.length();
        if (!statusLine.startsWith("HTTP/1.") || statusLine.length() < 12 || statusLine.charAt(8) != ' ') {
            throw new IOException("not an HTTP/1.1 response: it began '" + printable(statusLine) + "'");
        }
        int version = statusLine.charAt(7) - '0';
        int status;
        try {
            status = Integer.parseInt(statusLine.substring(9, 12));
        } catch (NumberFormatException e) {
            throw new IOException("not an HTTP status line: '" + printable(statusLine) + "'");
        }
        List<String> names = new ArrayList<>(12);
        List<String> values = new ArrayList<>(12);
        for (String line = line(connection); !line.isEmpty(); line = line(connection)) {
            budget -= line.length();
            if (budget < 0) {
                throw new IOException("the response's headers are longer than " + MAX_BYTES + " bytes");
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue; // a folded or broken line: nothing a client of these APIs needs
            }
            names.add(line.substring(0, colon).strip().toLowerCase(Locale.ROOT));
            values.add(line.substring(colon + 1).strip());
        }
        return new ResponseHead(version, status, List.copyOf(names), List.copyOf(values));
    }

    /** One line of the head without its CR LF, read as ISO-8859-1 as HTTP says. */
    static String line(Http1Connection c) throws IOException {
        while (true) {
            for (int i = c.position; i < c.limit; i++) {
                if (c.buffer[i] == '\n') {
                    int end = i > c.position && c.buffer[i - 1] == '\r' ? i - 1 : i;
                    String line = new String(c.buffer, c.position, end - c.position, StandardCharsets.ISO_8859_1);
                    c.position = i + 1;
                    return line;
                }
            }
            c.fill();
        }
    }

    private static String printable(String text) {
        String shown = text.length() > 60 ? text.substring(0, 60) + "…" : text;
        return shown.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
