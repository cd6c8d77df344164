package dev.evalgate.target;

import dev.evalgate.dataset.Case;
import dev.evalgate.tools.Conversation;

/**
 * What a target is asked: the case, the prompt rendered for it, and which repeat this is (0-based).
 *
 * @param prompt       null when the suite has no prompt; targets then send the case input as is
 * @param schema       the structured reply the caller needs (a judge's verdict), or null for free text
 * @param conversation null for a single-turn call; otherwise every turn so far and the tools on offer, which a
 *                     target sends in place of the system and user texts
 */
public record Request(Case kase, RenderedPrompt prompt, int repeat, ReplySchema schema, Conversation conversation) {

    /** A single-turn request for a structured reply. */
    public Request(Case kase, RenderedPrompt prompt, int repeat, ReplySchema schema) {
        this(kase, prompt, repeat, schema, null);
    }

    /** A turn of a conversation, free text or tool calls. */
    public Request(Case kase, RenderedPrompt prompt, int repeat, Conversation conversation) {
        this(kase, prompt, repeat, null, conversation);
    }

    /** A single-turn request for a free-text reply. */
    public Request(Case kase, RenderedPrompt prompt, int repeat) {
        this(kase, prompt, repeat, null, null);
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
