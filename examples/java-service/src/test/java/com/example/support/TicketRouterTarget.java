package com.example.support;

import dev.evalgate.target.Reply;
import dev.evalgate.target.Request;
import dev.evalgate.target.Target;

/**
 * The evalgate target that calls the router: named by {@code evalgate.yaml} ({@code type: java}), so the CLI, the
 * Maven plugin and the JUnit tests all evaluate the same code.
 */
public final class TicketRouterTarget implements Target {

    private final TicketRouter router = new TicketRouter();

    @Override
    public Reply call(Request request) {
        return Reply.of(router.route(request.userText()).label());
    }

    /** The router changes with every edit to its rules, under the same settings: always call it, never the cache. */
    @Override
    public boolean cacheable() {
        return false;
    }
}
