package dev.evalgate.cli;

import dev.evalgate.error.ConfigException;
import dev.evalgate.error.EvalgateException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code evalgate init}: writes a small suite that runs offline as it is, to start from. */
@Command(name = "init", description = "Create a starter suite (config, cases, an offline worker) in a folder.",
        mixinStandardHelpOptions = true)
final class InitCommand implements Callable<Integer> {

    private static final List<String> FILES = List.of("evalgate.yaml", "cases.jsonl", "workers/SentimentWorker.java");

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", description = "Folder to create the suite in (default: .)")
    Path dir = Path.of(".");

    @Override
    public Integer call() {
        for (String name : FILES) {
            if (Files.exists(dir.resolve(name))) {
                throw new ConfigException(dir.resolve(name) + " already exists; init writes only new files. "
                        + "Choose an empty folder: evalgate init my-suite");
            }
        }
        for (String name : FILES) {
            copy(name);
        }
        var out = spec.commandLine().getOut();
        out.println("Created a starter suite in " + dir.toAbsolutePath().normalize() + ":");
        FILES.forEach(f -> out.println("  " + f));
        out.println();
        out.println("Run it (offline, no API key needed):");
        out.println("  evalgate run " + dir.resolve("evalgate.yaml"));
        out.println("Then add your own cases to cases.jsonl and your model as a target in evalgate.yaml.");
        return ExitCode.OK;
    }

    private void copy(String name) {
        Path target = dir.resolve(name);
        try (InputStream in = InitCommand.class.getResourceAsStream("/dev/evalgate/cli/init/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the starter file " + name + " is missing from this build");
            }
            Files.createDirectories(target.toAbsolutePath().getParent());
            Files.copy(in, target);
        } catch (IOException e) {
            throw new EvalgateException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
