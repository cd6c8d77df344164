package dev.evalgate.judge;

import dev.evalgate.dataset.Case;
import dev.evalgate.prompt.PromptTemplate;
import dev.evalgate.target.RenderedPrompt;

import java.util.HashMap;
import java.util.Map;

/**
 * What a judge is shown for one output: the mode's instructions and a user message filled from the case.
 *
 * <p>The user message sees every variable of the case plus {@code output} (the answer being graded),
 * {@code expected} (the case's expected answer, or empty), {@code rubric} and {@code context} (the value of the
 * case variable the faithful mode checks against).
 * The faithful mode reads its context from a case variable ({@code context} unless configured otherwise).
 */
public final class JudgePrompt {

    private final JudgeMode mode;
    private final String rubric;
    private final String template;
    private final String contextVar;
    private final String rubricVar;
    private final PromptTemplate compiled;

    /**
     * @param rubric   the criteria, or null
     * @param template the user message replacing the mode's own, or null
     * @throws dev.evalgate.error.ConfigException when the template does not compile
     */
    public JudgePrompt(JudgeMode mode, String rubric, String template, String contextVar) {
        this(mode, rubric, template, contextVar, null);
    }

    /**
     * @param rubricVar the case variable that holds each case's own rubric (in place of {@code rubric}), or null
     */
    public JudgePrompt(JudgeMode mode, String rubric, String template, String contextVar, String rubricVar) {
        this.rubricVar = rubricVar;
        this.mode = mode;
        this.rubric = rubric;
        this.template = template;
        this.contextVar = contextVar;
        this.compiled = PromptTemplate.of(mode.system(), userSource(), "judge.template");
    }

    public JudgeMode mode() {
        return mode;
    }

    /** The text a fingerprint of the judge's configuration must cover: instructions, template and rubric. */
    public String source() {
        return mode.system() + "\n\u0000" + userSource() + "\n\u0000" + (rubric == null ? "" : rubric)
                + (rubricVar == null ? "" : "\n\u0000rubric_var=" + rubricVar);
    }

    private String userSource() {
        return template != null ? template : mode.userTemplate();
    }

    /**
     * The judge's messages for {@code output} of {@code kase}.
     *
     * @throws PromptTemplate.PromptException when the case lacks a variable the template uses
     */
    public RenderedPrompt render(Case kase, String output) {
        Map<String, Object> vars = new HashMap<>(kase.vars());
        vars.put("output", output == null ? "" : output);
        vars.put("expected", kase.expected().primary());
        vars.put("rubric", rubric == null ? "" : rubric);
        if (rubricVar != null) {
            Object own = kase.vars().get(rubricVar);
            if (own == null) {
                throw new PromptTemplate.PromptException("the judge reads its rubric from '" + rubricVar
                        + "', but case " + kase.id() + " (" + kase.source() + ") has no field '" + rubricVar + "'");
            }
            vars.put("rubric", own);
        }
        if (contextVar != null) {
            Object context = kase.vars().get(contextVar);
            if (context == null) {
                throw new PromptTemplate.PromptException("the faithful judge checks against '" + contextVar
                        + "', but case " + kase.id() + " (" + kase.source() + ") has no field '" + contextVar + "'");
            }
            vars.put("context", context);
        }
        Case view = new Case(kase.id(), vars, kase.expected(), kase.tags(), kase.cluster(), kase.source());
        return compiled.render(view, Map.of());
    }
}
