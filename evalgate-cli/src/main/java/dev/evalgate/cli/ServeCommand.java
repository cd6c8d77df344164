package dev.evalgate.cli;

import dev.evalgate.error.ConfigException;
import dev.evalgate.server.DashboardServer;
import dev.evalgate.server.ServerOptions;
import dev.evalgate.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code evalgate serve}: a dashboard of the store in the browser — suites, trends, runs, comparisons, failures,
 * and a page to label judged outputs — until Ctrl-C. It never writes the store.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve a read-only dashboard of the stored runs: suites, trends, runs, comparisons, failures.")
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOption storeOption;

    @Option(names = "--port", paramLabel = "P", defaultValue = "" + ServerOptions.DEFAULT_PORT,
            description = "Port to listen on; 0 picks a free one (default: ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--host", paramLabel = "H", defaultValue = ServerOptions.LOOPBACK,
            description = "Interface to bind (default: ${DEFAULT-VALUE}, this machine only); any other needs a token")
    String host;

    @Option(names = "--token", paramLabel = "T",
            description = "Token every request must carry (default: $" + ServerOptions.TOKEN_ENV + "); prefer the "
                    + "variable, since other users can read command lines")
    String token;

    @Option(names = "--labels-dir", paramLabel = "DIR",
            description = "Folder the labelling page writes <scorer>.jsonl to (default: labels/ beside each run's "
                    + "suite file, where `evalgate label` writes)")
    Path labelsDir;

    @Option(names = "--stacktrace", description = "Print stack traces of errors")
    boolean stacktrace;

    @Override
    public Integer call() {
        String chosenToken = token != null && !token.isBlank() ? token : System.getenv(ServerOptions.TOKEN_ENV);
        if (labelsDir != null && !Files.isDirectory(labelsDir)) {
            throw new ConfigException("--labels-dir " + labelsDir + " is not a folder; create it, or leave the option "
                    + "out to keep labels beside each run's suite file");
        }
        ServerOptions options = new ServerOptions(host, port, chosenToken, labelsDir);
        PrintWriter out = spec.commandLine().getOut();
        boolean interrupted;
        try (Store store = storeOption.openExisting();
             DashboardServer server = DashboardServer.start(store, options)) {
            out.println("evalgate dashboard: " + server.url() + "  (store " + store.location() + ")");
            if (options.hasToken()) {
                out.println("Every request needs the token: open " + server.url() + "?token=<token> once, or send "
                        + "'Authorization: Bearer <token>'.");
            }
            out.println("Read-only, except that the labelling page writes labels files. Press Ctrl-C to stop.");
            out.flush();
            interrupted = awaitStop();
        }
        if (interrupted) {
            Thread.currentThread().interrupt(); // restored only now: Jetty's stop fails on an interrupted thread
        }
        return ExitCode.OK;
    }

    // Ctrl-C ends the JVM, which is all a read-only server needs; an interrupt (from a test or an embedder)
    // returns normally so the server and store close.
    private static boolean awaitStop() {
        try {
            new CountDownLatch(1).await();
            return false;
        } catch (InterruptedException e) {
            return true;
        }
    }
}
