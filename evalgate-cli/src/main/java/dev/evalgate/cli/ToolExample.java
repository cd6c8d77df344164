package dev.evalgate.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalgate.dataset.Case;
import dev.evalgate.error.ConfigException;
import dev.evalgate.target.RenderedPrompt;
import dev.evalgate.tools.ArgMatcher;
import dev.evalgate.tools.CallExpectations;
import dev.evalgate.tools.CaseScript;
import dev.evalgate.tools.ExpectedCall;
import dev.evalgate.tools.ToolCall;
import dev.evalgate.tools.ToolResult;
import dev.evalgate.tools.ToolSpec;
import dev.evalgate.tools.Toolbox;
import dev.evalgate.tools.Turn;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A case that runs as a conversation, as a chat fine-tuning example: its turns, then each expected call as an
 * assistant {@code tool_calls} message followed by its scripted result as a {@code tool} message, then the expected
 * answer; the suite's tools ride along as {@code tools}.
 *
 * <p>Calls come in the order the case lists them, moved where {@code call_order} asks; their arguments must be
 * exact values, because a training example shows one concrete call.
 */
final class ToolExample {

    private ToolExample() {
    }

    /** Whether {@code kase} is exported this way: it has turns or expected calls. */
    static boolean applies(Case kase) {
        CaseScript script = CaseScript.of(kase);
        return script.conversation() || script.expectations() != null;
    }

    static ObjectNode of(Case kase, RenderedPrompt rendered, Toolbox toolbox) {
        CaseScript script = CaseScript.of(kase);
        ObjectNode example = CaseJson.MAPPER.createObjectNode();
        ArrayNode messages = example.putArray("messages");
        boolean ownSystem = script.messages().stream().anyMatch(t -> "system".equals(t.role()));
        if (rendered.system() != null && !ownSystem) {
            messages.addObject().put("role", "system").put("content", rendered.system());
        }
        if (script.conversation()) {
            for (Turn t : script.messages()) {
                messages.addObject().put("role", t.role()).put("content", t.content());
            }
        } else {
            messages.addObject().put("role", "user").put("content", rendered.user());
        }
        int n = 0;
        for (ExpectedCall expected : ordered(script.expectations(), kase)) {
            for (int k = 0; k < expected.times(); k++) {
                ToolCall call = new ToolCall("call_" + (++n), expected.pattern().tool(), arguments(expected, kase));
                ObjectNode assistant = messages.addObject().put("role", "assistant");
                ObjectNode c = assistant.putArray("tool_calls").addObject().put("id", call.id()).put("type", "function");
                c.putObject("function").put("name", call.name()).put("arguments", call.arguments());
                ToolResult result = script.script().answer(call);
                messages.addObject().put("role", "tool").put("tool_call_id", call.id())
                        .put("content", result.error() ? "Error: " + result.content() : result.content());
            }
        }
        messages.addObject().put("role", "assistant").put("content", kase.expected().primary());
        if (!toolbox.isEmpty()) {
            ArrayNode tools = example.putArray("tools");
            for (ToolSpec spec : toolbox.tools()) {
                tools.addObject().put("type", "function").putObject("function").put("name", spec.name())
                        .put("description", spec.description()).set("parameters", spec.parameters());
            }
        }
        return example;
    }

    /** The expected calls in listed order, each moved after every call {@code call_order} puts before it. */
    private static List<ExpectedCall> ordered(CallExpectations x, Case kase) {
        if (x == null) {
            return List.of();
        }
        List<ExpectedCall> out = new ArrayList<>(x.expected());
        for (int pass = 0; pass < out.size() * out.size() + 1; pass++) {
            boolean moved = false;
            for (CallExpectations.Before b : x.order()) {
                int first = index(out, b.first());
                int then = index(out, b.then());
                if (first >= 0 && then >= 0 && then < first) {
                    out.add(first, out.remove(then));
                    moved = true;
                }
            }
            if (!moved) {
                return out;
            }
        }
        throw new ConfigException(kase.source() + ": case " + kase.id() + " has a call_order that goes in a circle; "
                + "a training example needs one order of its calls.");
    }

    private static int index(List<ExpectedCall> calls, String tool) {
        for (int i = 0; i < calls.size(); i++) {
            if (calls.get(i).pattern().tool().equals(tool)) {
                return i;
            }
        }
        return -1;
    }

    private static String arguments(ExpectedCall expected, Case kase) {
        ObjectNode args = CaseJson.MAPPER.createObjectNode();
        for (Map.Entry<String, ArgMatcher> e : expected.pattern().args().entrySet()) {
            if (!(e.getValue() instanceof ArgMatcher.Exact exact)) {
                throw new ConfigException(kase.source() + ": case " + kase.id() + " expects " + expected.pattern().tool()
                        + " with argument '" + e.getKey() + "' as a pattern, but a training example needs its exact "
                        + "value. Write the value itself in expected_calls, or leave the case out of the export.");
            }
            JsonNode value = exact.value();
            args.set(e.getKey(), value);
        }
        return args.toString();
    }
}
