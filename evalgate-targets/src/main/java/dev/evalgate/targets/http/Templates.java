package dev.evalgate.targets.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import dev.evalgate.config.ConfigNode;
import dev.evalgate.dataset.Case;
import dev.evalgate.error.TargetException;
import dev.evalgate.target.Request;
import dev.evalgate.tools.ExchangeJson;
import dev.evalgate.targets.internal.Texts;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code {{var}}} template support of the {@code http} kind: compiled templates that escape values for where
 * they land (inside a JSON string, in a URL, or as they are), and the variables of one request.
 *
 * <p>Lists and mappings are inserted as compact JSON, never as Java's {@code toString}.
 */
final class Templates {

    /** How a value is escaped where it is inserted. */
    enum Escape {
        JSON_STRING, URL, NONE
    }

    private static final Mustache.Formatter FORMATTER = value -> value instanceof Map<?, ?> || value instanceof List<?>
            ? json(value) : String.valueOf(value);

    private Templates() {
    }

    static Template compile(ConfigNode.Scalar source, Escape escape) {
        Mustache.Escaper escaper = switch (escape) {
            case JSON_STRING -> raw -> new String(JsonStringEncoder.getInstance().quoteAsString(raw));
            case URL -> raw -> URLEncoder.encode(raw, StandardCharsets.UTF_8).replace("+", "%20");
            case NONE -> raw -> raw;
        };
        try {
            return Mustache.compiler().withEscaper(escaper).withFormatter(FORMATTER).nullValue("")
                    .strictSections(false).compile(source.value());
        } catch (MustacheException e) {
            throw source.error("is not a valid template: " + e.getMessage()
                    + ". Placeholders look like {{input}} or {{field}}.");
        }
    }

    /**
     * The variables of one request: the case's fields, {@code prompt} (the user text) and {@code system}; in a
     * conversation also {@code messages} (the turns so far) and {@code tools}, in the form of
     * {@link ExchangeJson}.
     */
    static Map<String, Object> vars(Request request) {
        Map<String, Object> vars = new HashMap<>(request.kase().vars());
        vars.put("prompt", request.userText());
        vars.put("system", request.systemText() == null ? "" : request.systemText());
        if (request.conversation() != null) {
            // the conversation so far and the tools, as lists: "{{messages}}" alone in a body value stays a list
            vars.put("messages", Texts.JSON.convertValue(ExchangeJson.turns(request.conversation().turns()),
                    java.util.List.class));
            vars.put("tools", Texts.JSON.convertValue(ExchangeJson.tools(request.conversation().tools()),
                    java.util.List.class));
        }
        return vars;
    }

    static String execute(Template template, Map<String, Object> vars, Case kase, String where) {
        try {
            return template.execute(vars);
        } catch (MustacheException.Context e) {
            throw missing(e.key, kase, where);
        }
    }

    static TargetException missing(String key, Case kase, String where) {
        return TargetException.fatal("missing_variable", "the target's '" + where + "' uses {{" + key
                + "}}, but case " + kase.id() + " (" + kase.source() + ") has no field '" + key
                + "'. Add the field to the case, or use {{input}}, {{prompt}} or {{system}}.");
    }

    private static String json(Object value) {
        try {
            return Texts.JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }
}
