package dev.evalgate.target;

import dev.evalgate.dataset.Case;
import dev.evalgate.tools.Conversation;

/**
 * What a target is asked: the case, the prompt rendered for it, and which repeat this is (0-based).
 *
 * @param prompt       null when the suite has no prompt; targets then send the case input as is
 * @param conversation null for a single-turn call; otherwise every turn so far and the tools on offer, which a
 *                     target sends in place of the system and user texts
 */
public record Request(Case kase, RenderedPrompt prompt, int repeat, Conversation conversation) {

    /** A single-turn request. */
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
