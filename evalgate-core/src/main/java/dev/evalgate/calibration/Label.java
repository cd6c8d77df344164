package dev.evalgate.calibration;

import java.util.Objects;

/**
 * One person's verdict on one output of one case.
 *
 * <p>The output is kept in the label itself, so a labels file checked into git still means the same after the run it
 * came from is gone, and re-judging it needs no store.
 *
 * @param caseId the case's id in the suite's dataset
 * @param target the candidate that produced the output, or null when not recorded
 * @param output the output the person judged
 * @param pass   the person's verdict
 * @param note   why, in the person's words; may be empty
 */
public record Label(String caseId, String target, String output, boolean pass, String note) {

    public Label {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(output, "output");
        note = note == null ? "" : note;
    }

    /** What a later label for the same output replaces: the same case, candidate and output text. */
    public LabelKey key() {
        return new LabelKey(caseId, target, output);
    }

    /** Identifies one labelled output; two labels with equal keys are a relabelling, and the later one counts. */
    public record LabelKey(String caseId, String target, String output) {
    }
}
