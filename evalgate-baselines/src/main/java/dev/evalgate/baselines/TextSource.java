package dev.evalgate.baselines;

import dev.evalgate.config.ConfigNode;
import dev.evalgate.config.Options;
import dev.evalgate.dataset.Case;
import dev.evalgate.prompt.PromptTemplate;

import java.util.Map;
import java.util.Optional;

/**
 * The text a baseline learns from and predicts on: a case's input, or the option {@code text} rendered as a
 * {@code {{var}}} template over the case.
 *
 * <p>Training and prediction read the text the same way, so a model never sees one shape in training and
 * another at run time.
 */
public final class TextSource {

    private static final TextSource INPUT = new TextSource(null, "");

    private final PromptTemplate template;
    private final String source;

    private TextSource(PromptTemplate template, String source) {
        this.template = template;
        this.source = source;
    }

    /** The case input, used when the target has no {@code text} option. */
    public static TextSource input() {
        return INPUT;
    }

    /** Reads the optional {@code text} template from a target's options. */
    public static TextSource read(Options options) {
        Optional<ConfigNode.Scalar> text = options.scalar("text");
        if (text.isEmpty()) {
            return INPUT;
        }
        return new TextSource(PromptTemplate.of(null, text.get().value(), text.get().path()), text.get().value());
    }

    /** The template text, or empty for the plain input; part of every model's cache key. */
    public String source() {
        return source;
    }

    /**
     * The text of one case.
     *
     * @throws PromptTemplate.PromptException when the template names a field the case does not have
     */
    public String of(Case kase) {
        return template == null ? kase.input() : template.render(kase, Map.of()).user();
    }
}
