package dev.evalgate.calibration;

/**
 * One output offered for labelling, with what a person needs to judge it and what the judge said.
 *
 * @param target      the candidate that produced the output
 * @param expected    the case's expected answer as text, or null when it has none
 * @param judgePass   the judge's verdict, or null when the judge gave none (a judge error)
 * @param judgeReason the judge's reason, or its error
 */
public record LabelItem(String target, String caseId, String input, String expected, String output, Boolean judgePass,
                 String judgeReason) {

    /** The label a person's verdict on this item becomes. */
    public Label label(boolean pass, String note) {
        return new Label(caseId, target, output, pass, note);
    }

    public Label.LabelKey key() {
        return new Label.LabelKey(caseId, target, output);
    }
}
