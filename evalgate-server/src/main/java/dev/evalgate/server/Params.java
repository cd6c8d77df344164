package dev.evalgate.server;

import io.javalin.http.Context;

/** Reads query parameters, answering 400 with the rule broken when one is not what the API accepts. */
final class Params {

    private Params() {
    }

    /** The whole number {@code name}, {@code fallback} when absent, which must lie in {@code [min, max]}. */
    static int integer(Context ctx, String name, int fallback, int min, int max) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        int parsed;
        try {
            parsed = Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw ApiError.badRequest(name + " must be a whole number from " + min + " to " + max + ", got \""
                    + value + "\"");
        }
        if (parsed < min || parsed > max) {
            throw ApiError.badRequest(name + " must be from " + min + " to " + max + ", got " + parsed);
        }
        return parsed;
    }

    /** The text {@code name}, which must be present and not blank. */
    static String required(Context ctx, String name, String example) {
        String value = ctx.queryParam(name);
        if (value == null || value.isBlank()) {
            throw ApiError.badRequest("the query parameter " + name + " is missing; e.g. " + example);
        }
        return value.strip();
    }
}
