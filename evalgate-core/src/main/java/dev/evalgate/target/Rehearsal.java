package dev.evalgate.target;

/**
 * A copy of an HTTP target aimed at an in-process loopback stand-in, and the reply the stand-in sends, so the
 * harness's own code path (client, request building, response parsing) can be warmed without calling, or paying,
 * the real endpoint.
 *
 * @param target a target that runs the same code as the original but sends every call to the stand-in; closing
 *               it must release nothing the original still uses
 * @param reply  the smallest valid JSON answer of the target's protocol, sent with status 200 to every call
 */
public record Rehearsal(Target target, String reply) {
}
