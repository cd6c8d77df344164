package dev.evalgate.server;

import dev.evalgate.calibration.Label;
import dev.evalgate.calibration.LabelItem;
import dev.evalgate.calibration.LabelSample;
import dev.evalgate.calibration.LabelsFile;
import dev.evalgate.error.ConfigException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One run's judged outputs against its labels file, as {@code evalgate label} sees them: only outputs with a judge
 * verdict are offered (a judge error has nothing to calibrate), those already labelled are left out, and the rest
 * come in {@link LabelSample} order for the seed — so the page and the terminal offer the same next output.
 *
 * @param items  every distinct output the scorer judged, judge errors included
 * @param labels the labels file's labels (any run's), in file order
 */
record LabelBoard(List<LabelItem> items, List<Label> labels) {

    static LabelBoard read(List<LabelItem> items, LabelsLocation location) {
        if (location.file() == null) {
            return new LabelBoard(items, List.of());
        }
        try {
            return new LabelBoard(items, LabelsFile.read(location.file()));
        } catch (ConfigException e) {
            throw ApiError.conflict(e.getMessage());
        }
    }

    /** Outputs with a judge verdict: the ones a person is asked about. */
    List<LabelItem> judged() {
        return items.stream().filter(i -> i.judgePass() != null).toList();
    }

    /** Judged outputs of this run that the labels file already has a label for. */
    int labelled() {
        Set<Label.LabelKey> done = keys();
        return (int) judged().stream().filter(i -> done.contains(i.key())).count();
    }

    int judgeErrors() {
        return items.size() - judged().size();
    }

    /** The judged outputs still without a label, in labelling order. */
    List<LabelItem> open(long seed) {
        Set<Label.LabelKey> done = keys();
        return LabelSample.order(judged().stream().filter(i -> !done.contains(i.key())).toList(),
                LabelItem::judgePass, seed);
    }

    /** The judged output with {@code id} ({@link #id}), labelled or not. */
    Optional<LabelItem> find(String id) {
        return judged().stream().filter(i -> id(i).equals(id)).findFirst();
    }

    /** A short stable name for an item: a digest of its case, target and output, which together identify it. */
    static String id(LabelItem item) {
        String key = item.caseId() + '\u0000' + (item.target() == null ? "" : item.target()) + '\u0000'
                + item.output();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private Set<Label.LabelKey> keys() {
        Set<Label.LabelKey> done = new HashSet<>();
        labels.forEach(l -> done.add(l.key()));
        return done;
    }
}
