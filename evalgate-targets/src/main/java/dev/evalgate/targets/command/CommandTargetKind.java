package dev.evalgate.targets.command;

import dev.evalgate.config.ConfigNode;
import dev.evalgate.config.Options;
import dev.evalgate.target.Target;
import dev.evalgate.target.TargetKind;
import dev.evalgate.target.TargetSpec;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code command} target kind: long-running worker processes that read one JSON request per line on stdin
 * and write one JSON answer per line on stdout.
 *
 * <p>Options: {@code command} (required list: program and arguments, never run through a shell), {@code cwd}
 * (relative to the suite file; default its folder), {@code env} (added to evalgate's environment),
 * {@code workers} (processes, default 1), {@code startup_timeout} (longest wait for a new worker's first answer,
 * default {@code 60s}), {@code cache} (whether answers may come from the response cache, default false: a worker
 * is the team's own code, and the suite does not change when that code does).
 */
public final class CommandTargetKind implements TargetKind {

    static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(60);

    @Override
    public String id() {
        return "command";
    }

    @Override
    public Target create(TargetSpec spec) {
        Options options = spec.options();
        ConfigNode commandNode = options.required("command",
                "the program and its arguments as a list, e.g. command: [python3, worker.py]");
        Path cwd = cwd(options, spec.baseDir());
        List<String> command = command(commandNode, cwd, options);
        Map<String, String> env = new LinkedHashMap<>();
        options.stringMap("env").forEach((name, value) -> env.put(name, value.isNull() ? "" : value.value()));
        int workers = options.integer("workers", 1, 256).orElse(1);
        Duration startup = options.duration("startup_timeout").orElse(DEFAULT_STARTUP_TIMEOUT);
        if (startup.isZero()) {
            throw options.node("startup_timeout").orElseThrow().error("must be longer than 0, such as 60s");
        }
        boolean cacheable = options.bool("cache").orElse(false);
        return new CommandTarget(new WorkerCommand(spec.id(), command, cwd, env, startup), workers, cacheable);
    }

    private static Path cwd(Options options, Path baseDir) {
        Path base = baseDir.toAbsolutePath().normalize();
        return options.scalar("cwd").map(node -> {
            Path cwd = base.resolve(node.value()).normalize();
            if (!Files.isDirectory(cwd)) {
                throw node.error("names folder '" + node.value() + "', but " + cwd
                        + " is not a folder. Paths are relative to the suite file's folder.");
            }
            return cwd;
        }).orElse(base);
    }

    private static List<String> command(ConfigNode node, Path cwd, Options options) {
        if (!(node instanceof ConfigNode.Sequence sequence)) {
            String shown = node instanceof ConfigNode.Scalar s ? s.shown() : "";
            throw node.error("must be a list of the program and its arguments, e.g. command: ["
                    + String.join(", ", shown.strip().split("\\s+")) + "]. Commands never run through a shell,"
                    + " so a single text cannot be split safely.");
        }
        List<String> command = new ArrayList<>(options.strings("command"));
        if (command.isEmpty()) {
            throw sequence.error("is empty; give the program and its arguments, e.g. [python3, worker.py]");
        }
        command.set(0, program(command.getFirst(), cwd, sequence.items().getFirst()));
        return command;
    }

    /**
     * The program as an absolute path when it names a file (so it resolves against {@code cwd}, not evalgate's
     * own folder); a bare name is checked against PATH so a typo fails now rather than on every case.
     */
    private static String program(String program, Path cwd, ConfigNode where) {
        if (program.contains("/") || program.contains(File.separator)) {
            Path path = cwd.resolve(program).normalize();
            if (!Files.isRegularFile(path)) {
                throw where.error("names program '" + program + "', but " + path + " does not exist. Paths are"
                        + " relative to 'cwd' (or the suite file's folder).");
            }
            return path.toString();
        }
        if (!onPath(program)) {
            throw where.error("names program '" + program + "', which is not on the PATH. Install it, or give its"
                    + " full path, e.g. [/usr/bin/" + program + ", ...].");
        }
        return program;
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null || System.getProperty("os.name", "").startsWith("Windows")) {
            return true; // cannot check reliably (PATHEXT); the start will report it
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
