package dev.evalgate.server;

import dev.evalgate.error.ConfigException;

import java.nio.file.Path;

/**
 * Where the dashboard listens and the token it asks for.
 *
 * <p>A dashboard shows model outputs and dataset inputs, which may be confidential, so it answers only this
 * machine unless a token guards it: options that bind another interface without a token cannot be made.
 *
 * @param host  the interface to bind; {@value #LOOPBACK} by default
 * @param port  the port; 0 lets the system choose a free one
 * @param token null for none; required when {@code host} is not a loopback address
 * @param labelsDir where the labelling page writes {@code <scorer>.jsonl}; null for {@code labels/} beside each
 *                  run's suite file, as {@code evalgate label} writes them
 */
public record ServerOptions(String host, int port, String token, Path labelsDir) {

    public static final String LOOPBACK = "127.0.0.1";
    public static final int DEFAULT_PORT = 7070;
    /** The environment variable the command line reads the token from when {@code --token} is not given. */
    public static final String TOKEN_ENV = "EVALGATE_TOKEN";

    public ServerOptions(String host, int port, String token) {
        this(host, port, token, null);
    }

    public ServerOptions {
        host = host == null || host.isBlank() ? LOOPBACK : host.strip();
        token = token == null || token.isBlank() ? null : token.strip();
        if (port < 0 || port > 65_535) {
            throw new ConfigException("--port " + port + " is not a port; use a number from 1 to 65535 (0 picks a "
                    + "free one)");
        }
        if (token == null && !isLoopback(host)) {
            throw new ConfigException("--host " + host + " lets other machines reach the dashboard, which needs a "
                    + "token then; pass --token <secret> or set " + TOKEN_ENV + ", or keep the default --host "
                    + LOOPBACK);
        }
    }

    /** This machine only, on a port the system chooses, without a token: what tests use. */
    public static ServerOptions local() {
        return new ServerOptions(LOOPBACK, 0, null);
    }

    public ServerOptions withToken(String value) {
        return new ServerOptions(host, port, value, labelsDir);
    }

    public ServerOptions withLabelsDir(Path dir) {
        return new ServerOptions(host, port, token, dir);
    }

    public boolean hasToken() {
        return token != null;
    }

    /**
     * True for addresses only this machine can reach. Decided on the text, without a DNS lookup, so a name
     * that merely resolves to 127.0.0.1 today is not trusted; {@code localhost} is, as every system maps it.
     */
    static boolean isLoopback(String host) {
        String h = host.toLowerCase(java.util.Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        return h.equals("localhost") || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1")
                || h.matches("127(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");
    }

    @Override
    public String toString() {
        // A record's toString would print the token; options end up in logs and messages.
        return "ServerOptions[host=" + host + ", port=" + port + ", token=" + (token == null ? "none" : "***")
                + (labelsDir == null ? "" : ", labelsDir=" + labelsDir) + "]";
    }
}
