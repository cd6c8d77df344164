package dev.evalgate.springai;

import dev.evalgate.config.ConfigNode;
import dev.evalgate.config.Options;
import dev.evalgate.score.Scorer;
import dev.evalgate.score.ScorerKind;
import org.springframework.ai.evaluation.Evaluator;

/**
 * The {@code spring} scorer: a bean of the running Spring application, named by {@code bean:} (or as the single
 * value, {@code - spring: factChecker}).
 *
 * <pre>{@code
 * scorers:
 *   - spring: { bean: factChecker, context: expected }   # a Spring AI Evaluator or an evalgate Scorer bean
 * }</pre>
 *
 * <p>An {@link Evaluator} bean becomes an {@link EvaluatorScorer} whose documents come from the case field
 * {@code context:} names ({@code expected}, the default, or another field of the case). Scores carry the bean's
 * name, or {@code name:} when given, so two evaluators in one suite are told apart in reports.
 */
public final class SpringScorerKind implements ScorerKind {

    @Override
    public String id() {
        return "spring";
    }

    @Override
    public Scorer create(Options options) {
        String key = options.has("bean") ? "bean" : "value";
        String name = options.requiredString(key, "the name of a Spring bean that is a Spring AI Evaluator or an"
                + " evalgate Scorer, e.g. '- spring: { bean: factChecker }'");
        ConfigNode where = options.node(key).orElseThrow();
        String shown = options.string("name", name);
        String context = options.string("context", "expected");
        Object bean = SpringBeans.bean(name, where);
        return switch (bean) {
            case Evaluator evaluator -> EvaluatorScorer.of(shown, evaluator).contextFrom(context);
            case Scorer scorer -> scorer;
            default -> throw where.error("names Spring bean '" + name + "', a " + bean.getClass().getName()
                    + ", which is neither a Spring AI Evaluator nor an evalgate Scorer");
        };
    }
}
