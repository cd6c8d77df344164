package dev.evalgate.targets.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import dev.evalgate.config.ConfigNode;
import dev.evalgate.config.Options;
import dev.evalgate.target.Reply;
import dev.evalgate.target.TokenUsage;
import dev.evalgate.tools.ExchangeJson;
import dev.evalgate.tools.ToolCall;
import dev.evalgate.targets.internal.HttpFailures;
import dev.evalgate.targets.internal.Texts;

import java.util.List;
import java.util.Optional;

/**
 * The reader of an {@code http} target's answer: the output at one JSONPath and, optionally, token counts at two
 * others.
 */
final class ResponseReader {

    private static final Configuration JACKSON = Configuration.builder()
            .jsonProvider(new JacksonJsonNodeJsonProvider(Texts.JSON))
            .mappingProvider(new JacksonMappingProvider(Texts.JSON))
            .options(Option.SUPPRESS_EXCEPTIONS)
            .build();

    private final Path output;
    private final Path inputTokens;
    private final Path outputTokens;
    private Path toolCalls;

    private record Path(JsonPath path, String source) {
    }

    private ResponseReader(Path output, Path inputTokens, Path outputTokens) {
        this.output = output;
        this.inputTokens = inputTokens;
        this.outputTokens = outputTokens;
    }

    /**
     * Reads {@code output} (required), {@code input_tokens}, {@code output_tokens} and {@code tool_calls} (the
     * JSONPath of a list of {@code {id, name, arguments}}; with calls there, the output may be absent).
     */
    static ResponseReader read(Options options) {
        options.required("output", "the JSONPath of the answer in the response, e.g. output: \"$.label\""); // throws if absent
        Path output = compile(options.scalar("output")).orElseThrow();
        Path in = compile(options.scalar("input_tokens")).orElse(null);
        Path out = compile(options.scalar("output_tokens")).orElse(null);
        ResponseReader reader = new ResponseReader(output, in, out);
        reader.toolCalls = compile(options.scalar("tool_calls")).orElse(null);
        return reader;
    }

    private static Optional<Path> compile(Optional<ConfigNode.Scalar> node) {
        return node.map(scalar -> {
            try {
                return new Path(JsonPath.compile(scalar.value().strip()), scalar.value().strip());
            } catch (RuntimeException e) {
                throw scalar.error("is not a valid JSONPath (" + e.getMessage() + "); write it like \"$.data.label\"");
            }
        });
    }

    /** A minimal answer with a text at the output path and a count at each token path, for the stand-in. */
    String standInReply() {
        return standInReply(List.of());
    }

    /** Whether answers are read for tool calls too ({@code tool_calls}), so the service can hold a conversation. */
    boolean readsToolCalls() {
        return toolCalls != null;
    }

    /** {@link #standInReply()} with {@code calls} as {@code {id, name, arguments}} at the tool calls' path. */
    String standInReply(List<ToolCall> calls) {
        MinimalAnswer answer = new MinimalAnswer();
        if (!calls.isEmpty() && toolCalls != null) {
            var written = Texts.JSON.createArrayNode();
            calls.forEach(c -> written.addObject().put("id", c.id()).put("name", c.name())
                    .put("arguments", c.arguments()));
            answer.put(toolCalls.source(), written);
        }
        answer.put(output.source(), Texts.JSON.getNodeFactory().textNode("ok"));
        for (Path tokens : new Path[] {inputTokens, outputTokens}) {
            if (tokens != null) {
                answer.put(tokens.source(), Texts.JSON.getNodeFactory().numberNode(1));
            }
        }
        return answer.json();
    }

    Reply parse(String body) {
        JsonNode root = HttpFailures.readJson(body, "the answer is not JSON or was cut short, so 'output: "
                + output.source() + "' cannot be read");
        JsonNode value = read(root, output);
        List<ToolCall> calls = calls(root, body);
        if (!calls.isEmpty()) {
            return new Reply(value == null || value.isNull() ? "" : Texts.asText(value), usage(root), calls);
        }
        if (value == null || value.isNull()) {
            throw HttpFailures.malformed("the answer has nothing at 'output: " + output.source() + "'", body);
        }
        return new Reply(Texts.asText(value), usage(root));
    }

    private List<ToolCall> calls(JsonNode root, String body) {
        if (toolCalls == null) {
            return List.of();
        }
        try {
            return ExchangeJson.readCalls(read(root, toolCalls));
        } catch (IllegalArgumentException e) {
            throw HttpFailures.malformed("the answer at 'tool_calls: " + toolCalls.source() + "' is not usable: "
                    + e.getMessage(), body);
        }
    }

    private TokenUsage usage(JsonNode root) {
        Long in = count(root, inputTokens);
        Long out = count(root, outputTokens);
        if (in == null && out == null) {
            return null;
        }
        return new TokenUsage(in == null ? 0 : in, out == null ? 0 : out);
    }

    private static Long count(JsonNode root, Path path) {
        if (path == null) {
            return null;
        }
        JsonNode value = read(root, path);
        return value != null && value.isNumber() ? value.asLong() : null;
    }

    private static JsonNode read(JsonNode root, Path path) {
        Object value = JsonPath.using(JACKSON).parse(root).read(path.path());
        if (value == null) {
            return null;
        }
        return value instanceof JsonNode node ? node : Texts.JSON.valueToTree(value);
    }
}
