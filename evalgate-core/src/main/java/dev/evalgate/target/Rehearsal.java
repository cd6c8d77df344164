package dev.evalgate.target;

import dev.evalgate.tools.ToolCall;

import java.util.List;

/**
 * A copy of an HTTP target aimed at an in-process loopback stand-in, and the replies the stand-in sends, so the
 * harness's own code path (client, request building, response parsing, and for a suite with tools the agent loop)
 * can be warmed without calling, or paying, the real endpoint.
 *
 * @param target a target that runs the same code as the original but sends every call to the stand-in; closing
 *               it must release nothing the original still uses
 * @param reply  the smallest valid JSON answer of the target's protocol to a single-turn call, sent with status 200
 * @param turns  how the protocol answers a conversation's turn, with tool calls or a final text; null when the target
 *               cannot hold a conversation with tools, whose rehearsals then get {@code reply} every time
 */
public record Rehearsal(Target target, String reply, TurnAnswer turns) {

    /** A rehearsal for single-turn calls only. */
    public Rehearsal(Target target, String reply) {
        this(target, reply, null);
    }

    /** How a target's protocol answers one model call of a conversation. */
    @FunctionalInterface
    public interface TurnAnswer {

        /**
         * The whole answer, as the endpoint would send it with status 200, asking for {@code calls} in order; when
         * {@code calls} is empty, a final answer with a short text. Never streamed: conversation turns are read whole.
         */
        String answer(List<ToolCall> calls);
    }
}
