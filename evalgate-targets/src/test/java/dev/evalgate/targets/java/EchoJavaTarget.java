package dev.evalgate.targets.java;

import dev.evalgate.target.Reply;
import dev.evalgate.target.Request;
import dev.evalgate.target.Target;
import dev.evalgate.testkit.TargetContract;

import java.util.Map;

/** A user's own Java target as a suite would name it: answers the contract fixture, with a prefix from options. */
public final class EchoJavaTarget implements Target {

    private final String prefix;

    public EchoJavaTarget(Map<String, String> options) {
        this.prefix = options.getOrDefault("prefix", "");
    }

    @Override
    public Reply call(Request request) {
        String text = request.userText();
        return new Reply(prefix + TargetContract.answerFor(text), TargetContract.usageFor(text));
    }
}
