package dev.evalgate.cli.imports.promptfoo;

import java.util.Set;

/** The promptfoo assertion types this import recognises by name, mapped or not. */
final class AssertTypes {

    /** Types with a deterministic counterpart in evalgate's scorers. */
    static final Set<String> DETERMINISTIC = Set.of("equals", "contains", "icontains", "contains-any",
            "contains-all", "icontains-any", "icontains-all", "regex", "starts-with", "is-json", "contains-json",
            "levenshtein", "similar");

    /** Types graded by a model judge, mapped to the {@code judge} scorer. */
    static final Set<String> JUDGED = Set.of("llm-rubric", "model-graded-closedqa", "factuality");

    /** Every type recognised, so a CSV cell such as {@code python: ...} is read as an assertion. */
    static final Set<String> KNOWN = Set.of("equals", "contains", "icontains", "contains-any", "contains-all",
            "icontains-any", "icontains-all", "regex", "starts-with", "is-json", "contains-json", "levenshtein",
            "similar", "llm-rubric", "model-graded-closedqa", "factuality", "cost", "latency", "javascript",
            "python", "webhook", "is-sql", "contains-sql", "is-xml", "contains-xml", "perplexity", "rouge-n", "bleu",
            "answer-relevance", "context-faithfulness", "context-recall", "context-relevance", "moderation",
            "classifier", "g-eval", "select-best", "max-score", "word-count", "finish-reason", "is-refusal",
            "is-valid-openai-tools-call", "is-valid-openai-function-call", "perplexity-score", "gleu", "meteor");

    private AssertTypes() {
    }
}
