package dev.evalgate.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;

import java.io.UncheckedIOException;

/**
 * How the server writes JSON and errors.
 *
 * <p>JSON escapes {@code < > & '} and the line separators U+2028/U+2029 as {@code \\uXXXX}: the value is the same
 * to a JSON reader, but no response can be read as markup, even by a client that sniffs or inlines it.
 */
final class Responses {

    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String JSON = "application/json; charset=utf-8";

    static {
        MAPPER.getFactory().setCharacterEscapes(new HtmlSafeEscapes());
    }

    private Responses() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static void json(Context ctx, JsonNode body) {
        json(ctx, write(body));
    }

    /** JSON already written by {@link #write}. */
    static void json(Context ctx, String body) {
        ctx.contentType(JSON).result(body);
    }

    /** An error the user can act on: JSON {@code {"error": ...}} under /api, plain text elsewhere. */
    static void error(Context ctx, HttpStatus status, String message) {
        ctx.status(status);
        if (ctx.path().startsWith("/api/")) {
            json(ctx, object().put("error", message));
        } else {
            ctx.contentType("text/plain; charset=utf-8").result(status.getCode() + " " + status.getMessage()
                    + ": " + message + "\n");
        }
    }

    static String write(JsonNode body) {
        try {
            return MAPPER.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class HtmlSafeEscapes extends CharacterEscapes {

        private final int[] table = standardAsciiEscapesForJSON();

        HtmlSafeEscapes() {
            table['<'] = ESCAPE_STANDARD;
            table['>'] = ESCAPE_STANDARD;
            table['&'] = ESCAPE_STANDARD;
            table['\''] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return table;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            if (ch == 0x2028 || ch == 0x2029) {
                return new SerializedString(String.format("\\u%04x", ch));
            }
            return null;
        }
    }
}
