package dev.evalgate.cli;

import dev.evalgate.report.TextTable;

import dev.evalgate.error.ConfigException;
import dev.evalgate.store.GitInfo;
import dev.evalgate.store.RunFilter;
import dev.evalgate.store.RunSummary;
import dev.evalgate.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code evalgate runs}: the stored runs, newest first, with where each came from. */
@Command(name = "runs", mixinStandardHelpOptions = true, description = "List the stored runs, newest first.")
final class RunsCommand implements Callable<Integer> {

    static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOption storeOption;

    @Option(names = "--suite", paramLabel = "NAME", description = "Only runs of this suite")
    String suite;

    @Option(names = "--target", paramLabel = "ID", description = "Only runs that include this target")
    String target;

    @Option(names = "--branch", paramLabel = "NAME", description = "Only runs made on this git branch")
    String branch;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "" + RunFilter.DEFAULT_LIMIT,
            description = "At most N runs (default: ${DEFAULT-VALUE})")
    int limit;

    @Override
    public Integer call() {
        if (limit <= 0) {
            throw new ConfigException("--limit must be at least 1, got " + limit);
        }
        PrintWriter out = spec.commandLine().getOut();
        try (Store store = storeOption.openExisting()) {
            List<RunSummary> runs = store.runs(new RunFilter(suite, target, branch, limit));
            if (runs.isEmpty()) {
                out.println("No runs" + (suite == null && target == null && branch == null ? "" : " match")
                        + " in " + store.location() + ". Make one with: evalgate run");
                return ExitCode.OK;
            }
            TextTable table = new TextTable("run", "suite", "status", "started", "targets", "git");
            for (RunSummary run : runs) {
                table.row(run.runId(), run.suite(), status(store, run.runId(), run.status()),
                        LOCAL_TIME.format(run.started()), String.join(", ", run.targets()), git(run.git()));
            }
            table.print(out, "");
        }
        return ExitCode.OK;
    }

    /** The run's status, with how many of its shards are complete for a run written in shards. */
    static String status(Store store, String runId, dev.evalgate.store.RunStatus status) {
        String word = status.name().toLowerCase(java.util.Locale.ROOT);
        return store.shards(runId).filter(p -> p.count() > 1).map(p -> word + " (" + (p.done() ? p.count() + " shards" : p.describe()) + ")")
                .orElse(word);
    }

    /** {@code 1a2b3c4 main dirty}: commit short, branch, and whether tracked files had changes. */
    static String git(GitInfo git) {
        if (git == null || git.commit() == null) {
            return "-";
        }
        String commit = git.commit().length() > 7 ? git.commit().substring(0, 7) : git.commit();
        return commit + (git.branch() == null ? "" : " " + git.branch())
                + (Boolean.TRUE.equals(git.dirty()) ? " dirty" : "");
    }
}
