package dev.evalgate.server;

import dev.evalgate.calibration.LabelsFile;
import dev.evalgate.run.RunInfo;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Where the labelling page keeps a run's labels: {@code labels/<scorer>.jsonl} beside the run's suite file, the
 * file {@code evalgate label} writes and {@code evalgate judge calibrate} reads, or {@code <scorer>.jsonl} in the
 * server's {@code --labels-dir} when one is given.
 *
 * <p>A suite file's path is stored as the run gave it; a relative one resolves against the server's working folder,
 * as it does for the command line. The suite's folder must exist: the page creates {@code labels/} in it, never the
 * folder of a suite that is not on this machine.
 *
 * @param file    the labels file, or null when there is nowhere to write
 * @param problem why the page cannot write there, or null when it can
 */
record LabelsLocation(Path file, String problem) {

    /** Scorer ids become file names, so they are kept to the characters suite files use for ids. */
    private static final String SCORER_ID = "[A-Za-z0-9][A-Za-z0-9_.-]{0,63}";
    private static final String FIX = "start `evalgate serve --labels-dir <folder>` to keep labels there instead";

    static LabelsLocation of(RunInfo run, String scorer, Path labelsDir) {
        if (!scorer.matches(SCORER_ID) || scorer.contains("..")) {
            throw ApiError.badRequest("scorer \"" + scorer + "\" is not a scorer id; ids use letters, digits, "
                    + "'_', '.' and '-', e.g. scorer=judge");
        }
        String name = scorer + ".jsonl";
        if (labelsDir != null) {
            return writable(labelsDir.toAbsolutePath().resolve(name), labelsDir.toAbsolutePath(), "--labels-dir");
        }
        if (run.suiteFile() == null || run.suiteFile().isBlank()) {
            return new LabelsLocation(null, "run " + run.runId() + " was stored without the path of its suite file, "
                    + "so the labels file's place (labels/" + name + " beside the suite) is unknown; " + FIX);
        }
        Path suiteDir;
        try {
            suiteDir = Path.of(run.suiteFile()).toAbsolutePath().getParent();
        } catch (InvalidPathException e) {
            return new LabelsLocation(null, "run " + run.runId() + "'s suite file \"" + run.suiteFile()
                    + "\" is not a path on this machine; " + FIX);
        }
        return writable(LabelsFile.defaultFor(suiteDir, scorer), suiteDir, "the suite's folder");
    }

    /** {@code file}, with the reason it cannot be written when its folder (or, before it exists, the base) refuses. */
    private static LabelsLocation writable(Path file, Path base, String what) {
        Path folder = file.getParent();
        if (Files.isDirectory(folder)) {
            if (!Files.isWritable(folder) || Files.exists(file) && !Files.isWritable(file)) {
                return new LabelsLocation(file, "cannot write the labels file " + file + ": "
                        + (Files.isWritable(folder) ? "the file" : "its folder") + " is not writable; make it "
                        + "writable, or " + FIX);
            }
            return new LabelsLocation(file, null);
        }
        if (Files.exists(folder)) {
            return new LabelsLocation(file, "cannot write the labels file " + file + ": " + folder + " is a file, "
                    + "not a folder; move it away, or " + FIX);
        }
        if (!Files.isDirectory(base)) {
            return new LabelsLocation(file, "cannot write the labels file " + file + ": " + what + " " + base
                    + " does not exist on this machine; run the dashboard where the suite is, or " + FIX);
        }
        if (!Files.isWritable(base)) {
            return new LabelsLocation(file, "cannot write the labels file " + file + ": " + what + " " + base
                    + " is not writable; make it writable, or " + FIX);
        }
        return new LabelsLocation(file, null);
    }

    boolean canWrite() {
        return problem == null;
    }
}
