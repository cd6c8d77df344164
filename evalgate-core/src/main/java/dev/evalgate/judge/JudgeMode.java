package dev.evalgate.judge;

import java.util.Locale;

/**
 * What a judge is asked to decide about an output, each with evalgate's own wording of the question.
 */
public enum JudgeMode {

    /** Does the output meet the rubric's criteria. */
    RUBRIC("""
            You grade one answer written by an AI system against a rubric. Decide whether the answer meets every \
            criterion of the rubric. Judge only what the answer says: do not reward length, confidence or polish.
            Reply with a verdict: "pass" when every criterion is met, otherwise "fail"; a score from 0 (meets no \
            criterion) to 1 (meets all of them); and a reason of one or two sentences naming what decided it.""",
            """
            Rubric:
            {{rubric}}

            Input the system was given:
            {{input}}

            Answer to grade:
            {{output}}"""),

    /** Is the output consistent with the expected answer: consistent, extra, partial or contradicting. */
    REFERENCE("""
            You compare one answer written by an AI system with a reference answer written by a person. Classify \
            how the facts of the answer relate to the reference:
            - "consistent": it states the same facts as the reference, in any wording;
            - "extra": it states every fact of the reference and more facts that do not contradict it;
            - "partial": it leaves out a fact the reference states, and contradicts none;
            - "contradicting": it states something the reference contradicts.
            Ignore style and wording. Give a score from 0 to 1 (1 when consistent, lower the more is missing or \
            wrong) and a reason of one or two sentences naming the fact that decided it.""",
            """
            {{#rubric}}Also apply these criteria:
            {{rubric}}

            {{/rubric}}Input the system was given:
            {{input}}

            Reference answer:
            {{expected}}

            Answer to grade:
            {{output}}"""),

    /** Is every claim of the output supported by a context the case gives. */
    FAITHFUL("""
            You check whether one answer written by an AI system is supported by the context it was given. Split the \
            answer into its claims. A claim is supported only when the context states it or it follows directly \
            from what the context states; general knowledge does not count.
            Reply with a verdict: "pass" only when every claim is supported, "fail" when any claim is unsupported \
            or contradicted; a score from 0 to 1, the share of claims that are supported; and a reason naming the \
            first unsupported claim, or saying that every claim is supported.""",
            """
            {{#rubric}}Also apply these criteria:
            {{rubric}}

            {{/rubric}}Context:
            {{context}}

            Input the system was given:
            {{input}}

            Answer to grade:
            {{output}}""");

    private final String system;
    private final String user;

    JudgeMode(String system, String user) {
        this.system = system;
        this.user = user;
    }

    /** The built-in instructions the judge gets as its system message. */
    public String system() {
        return system;
    }

    /** The built-in user message, a template over {@code input}, {@code output}, {@code expected}, etc. */
    public String userTemplate() {
        return user;
    }

    /** The name used in suite files: {@code rubric}, {@code reference} or {@code faithful}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the judge needs each case's expected answer. */
    public boolean needsExpected() {
        return this == REFERENCE;
    }
}
