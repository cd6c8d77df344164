package dev.evalgate.cli;

import dev.evalgate.compare.BaselineFile;
import dev.evalgate.compare.RunRecord;
import dev.evalgate.compare.TargetRecord;
import dev.evalgate.store.RunRecords;
import dev.evalgate.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code evalgate baseline}: pins a stored run as a baseline file to keep in git. */
@Command(name = "baseline", mixinStandardHelpOptions = true,
        description = "Pin a stored run as a baseline file kept in git.",
        subcommands = BaselineCommand.Save.class)
final class BaselineCommand {

    /** {@code evalgate baseline save <run|last> <file>}. */
    @Command(name = "save", mixinStandardHelpOptions = true,
            description = "Write a stored run as a baseline file: outcomes, scores, latency, tokens and cost per case.")
    static final class Save implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        StoreOption storeOption;

        @Parameters(index = "0", paramLabel = "RUN", description = "A run id, or 'last' for the newest run")
        String run;

        @Parameters(index = "1", paramLabel = "FILE", description = "The baseline file to write, e.g. baseline.json")
        Path file;

        @Override
        public Integer call() {
            RunRecord record;
            try (Store store = storeOption.openExisting()) {
                record = RunRecords.load(store, run);
            }
            BaselineFile.write(record, file);
            PrintWriter out = spec.commandLine().getOut();
            int cases = record.targets().stream().mapToInt(t -> t.cases().size()).sum();
            out.println("Wrote " + file + ": run " + record.runId() + " of suite " + record.suite() + ", "
                    + record.targets().size() + " target" + (record.targets().size() == 1 ? "" : "s") + " ("
                    + String.join(", ", record.targets().stream().map(TargetRecord::target).toList()) + "), "
                    + cases + " case results");
            out.println("Gate against it with: evalgate check --baseline " + file);
            return ExitCode.OK;
        }
    }
}
