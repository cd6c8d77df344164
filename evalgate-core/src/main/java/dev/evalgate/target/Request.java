package dev.evalgate.target;

import dev.evalgate.dataset.Case;

/**
 * What a target is asked: the case, the prompt rendered for it, and which repeat this is (0-based).
 *
 * @param prompt null when the suite has no prompt; targets then send the case input as is
 * @param schema the structured reply the caller needs (a judge's verdict), or null for free text
 */
public record Request(Case kase, RenderedPrompt prompt, int repeat, ReplySchema schema) {

    /** A request for a free-text reply. */
    public Request(Case kase, RenderedPrompt prompt, int repeat) {
        this(kase, prompt, repeat, null);
    }

    /** The user message: the rendered prompt when there is one, otherwise the case input. */
    public String userText() {
        return prompt == null ? kase.input() : prompt.user();
    }

    /** The system message, or null. */
    public String systemText() {
        return prompt == null ? null : prompt.system();
    }
}
