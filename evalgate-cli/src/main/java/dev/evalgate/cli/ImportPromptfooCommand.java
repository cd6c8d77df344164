package dev.evalgate.cli;

import dev.evalgate.cli.imports.promptfoo.PromptfooImport;
import dev.evalgate.cli.imports.promptfoo.Translation;
import dev.evalgate.error.ConfigException;
import dev.evalgate.files.AtomicFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code evalgate import promptfoo CONFIG [--out DIR] [--force]}: writes {@code evalgate.yaml} and
 * {@code cases.jsonl} and lists what it could not carry over; exit 3 when something was left out.
 */
@Command(name = "promptfoo", mixinStandardHelpOptions = true,
        description = "Write an evalgate suite (evalgate.yaml + cases.jsonl) from a promptfoo config. Exits 0 when "
                + "everything was imported, 3 when something was left out (listed with file and line).")
final class ImportPromptfooCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "CONFIG", description = "the promptfoo config, e.g. promptfooconfig.yaml")
    Path config;

    @Option(names = "--out", paramLabel = "DIR", description = "folder to write the suite into (default: the config's)")
    Path out;

    @Option(names = "--force", description = "replace an evalgate.yaml or cases.jsonl already in --out")
    boolean force;

    @Option(names = "--stacktrace", description = "print the stack trace of an error")
    boolean stacktrace;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (!Files.isRegularFile(config)) {
            throw new ConfigException(config.toAbsolutePath() + ": file not found. Name the promptfoo config, e.g. "
                    + "evalgate import promptfoo promptfooconfig.yaml");
        }
        Path dir = (out != null ? out : config.toAbsolutePath().getParent()).toAbsolutePath().normalize();
        Path suiteFile = dir.resolve("evalgate.yaml");
        Path casesFile = dir.resolve("cases.jsonl");
        for (Path existing : List.of(suiteFile, casesFile)) {
            if (Files.exists(existing) && !force) {
                throw new ConfigException(existing + " already exists; pass --force to replace it, or --out DIR "
                        + "to write the suite elsewhere");
            }
        }
        Translation t = PromptfooImport.translate(config, dir);
        PrintWriter w = spec.commandLine().getOut();
        if (t.suite() != null) {
            Files.createDirectories(dir);
            AtomicFile.writeString(suiteFile, t.suite());
            AtomicFile.writeString(casesFile, String.join("\n", t.cases()) + "\n");
            w.println("Imported " + config + " into " + suiteFile + " and " + casesFile.getFileName() + ": "
                    + t.candidates() + " candidate" + (t.candidates() == 1 ? "" : "s") + ", " + t.cases().size()
                    + " case" + (t.cases().size() == 1 ? "" : "s") + ".");
        }
        for (String note : t.notes()) {
            w.println("note: " + note);
        }
        if (!t.complete()) {
            w.println("Not imported (" + t.skipped().size() + "):");
            t.skippedLines().forEach(line -> w.println("  " + line));
        }
        if (t.suite() != null) {
            w.println("Run it: evalgate run " + suiteFile);
        }
        return t.complete() ? ExitCode.OK : ExitCode.NOT_ALL_IMPORTED;
    }
}
