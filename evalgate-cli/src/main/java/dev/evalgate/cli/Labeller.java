package dev.evalgate.cli;

import dev.evalgate.calibration.Label;
import dev.evalgate.calibration.LabelItem;
import dev.evalgate.calibration.LabelSample;
import dev.evalgate.calibration.LabelsFile;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Labelling in the terminal: shows one output at a time with its case and the judge's verdict, reads the person's
 * verdict from a line of input, and saves the labels file after every answer, so quitting, Ctrl-D or a killed
 * terminal loses nothing already answered. Outputs are offered in {@link LabelSample} order, skipping those already
 * labelled, so running it again resumes where the last session stopped.
 */
final class Labeller {

    static final String KEYS = "p = pass, f = fail (either may be followed by a note), s = skip, q = quit";

    private final Path labelsFile;
    private final BufferedReader in;
    private final PrintWriter out;

    Labeller(Path labelsFile, BufferedReader in, PrintWriter out) {
        this.labelsFile = labelsFile;
        this.in = in;
        this.out = out;
    }

    /** What a session did: labels given, items skipped, and outputs still without a label (skipped ones included). */
    record Session(int labelled, int skipped, int left) {
    }

    /** Offers the unlabelled items with a judge verdict, at most {@code limit} answers, in the order of {@code seed}. */
    Session label(List<LabelItem> items, long seed, int limit) {
        List<Label> labels = LabelsFile.read(labelsFile);
        Set<Label.LabelKey> done = new HashSet<>();
        labels.forEach(l -> done.add(l.key()));
        List<LabelItem> judged = items.stream().filter(i -> i.judgePass() != null).toList();
        List<LabelItem> open = LabelSample.order(judged.stream().filter(i -> !done.contains(i.key())).toList(),
                LabelItem::judgePass, seed);
        out.printf(Locale.ROOT, "%d outputs to label (%d already in %s)%s.%n%s%n", open.size(),
                judged.size() - open.size(), labelsFile, items.size() == judged.size() ? ""
                        : "; " + (items.size() - judged.size()) + " with a judge error are not offered", KEYS);
        int labelled = 0;
        int skipped = 0;
        for (int i = 0; i < open.size() && labelled < limit; i++) {
            LabelItem item = open.get(i);
            show(item, i + 1, open.size());
            Answer answer = ask();
            if (answer == null || answer.quit()) {
                return finish(labelled, skipped, open.size() - labelled);
            }
            if (answer.skip()) {
                skipped++;
                continue;
            }
            labels = LabelsFile.with(labels, item.label(answer.pass(), answer.note()));
            LabelsFile.write(labelsFile, labels); // saved before the next item: nothing answered is lost
            labelled++;
        }
        return finish(labelled, skipped, open.size() - labelled);
    }

    private Session finish(int labelled, int skipped, int left) {
        out.printf(Locale.ROOT, "%nLabelled %d, skipped %d, %d left; labels are in %s.%n", labelled, skipped, left,
                labelsFile);
        out.flush();
        return new Session(labelled, skipped, left);
    }

    private void show(LabelItem item, int n, int of) {
        out.println();
        out.printf(Locale.ROOT, "[%d/%d] case %s, target %s%n", n, of, item.caseId(), item.target());
        out.println("  input:    " + indent(item.input()));
        if (item.expected() != null) {
            out.println("  expected: " + indent(item.expected()));
        }
        out.println("  output:   " + indent(item.output()));
        out.println("  judge:    " + (item.judgePass() ? "PASS" : "FAIL")
                + (item.judgeReason() == null || item.judgeReason().isBlank() ? "" : " - " + item.judgeReason()));
    }

    /** The person's answer; null at the end of input. Unknown keys are explained and asked again. */
    private Answer ask() {
        while (true) {
            out.print("verdict [p/f/s/q]> ");
            out.flush();
            String line;
            try {
                line = in.readLine();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (line == null) {
                return null;
            }
            Answer answer = Answer.parse(line.strip());
            if (answer != null) {
                return answer;
            }
            out.println("  '" + line.strip() + "' is not a verdict: " + KEYS + ".");
        }
    }

    private static String indent(String text) {
        return text == null ? "(none)" : text.replace("\n", "\n            ");
    }

    /** One answer: a verdict with an optional note, a skip, or quit. */
    record Answer(boolean pass, String note, boolean skip, boolean quit) {

        static Answer parse(String line) {
            if (line.isEmpty()) {
                return null;
            }
            String key = line.substring(0, 1).toLowerCase(Locale.ROOT);
            String rest = line.substring(1);
            if (!rest.isEmpty() && !Character.isWhitespace(rest.charAt(0))) {
                return null; // "pass" or "fine" are not keys; a note follows the key after a space
            }
            String note = rest.strip();
            return switch (key) {
                case "p" -> new Answer(true, note, false, false);
                case "f" -> new Answer(false, note, false, false);
                case "s" -> note.isEmpty() ? new Answer(false, "", true, false) : null;
                case "q" -> note.isEmpty() ? new Answer(false, "", false, true) : null;
                default -> null;
            };
        }
    }
}
