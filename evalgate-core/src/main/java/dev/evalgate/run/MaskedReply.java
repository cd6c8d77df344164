package dev.evalgate.run;

import dev.evalgate.config.SecretValues;
import dev.evalgate.target.Reply;
import dev.evalgate.tools.ToolCall;

import java.util.List;

/**
 * A reply with the suite's secrets masked wherever the target wrote text: its answer and the arguments of every
 * tool call it asked for, which are stored, cached and shown like the answer.
 */
final class MaskedReply {

    private MaskedReply() {
    }

    static Reply of(Reply reply, SecretValues secrets) {
        List<ToolCall> calls = reply.toolCalls().stream()
                .map(c -> new ToolCall(c.id(), c.name(), secrets.mask(c.arguments()))).toList();
        return new Reply(secrets.mask(reply.text()), reply.usage(), calls, reply.stream(), reply.wireMs());
    }
}
