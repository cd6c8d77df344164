package dev.evalgate.run;

import dev.evalgate.target.Rehearsal;
import dev.evalgate.target.Reply;
import dev.evalgate.target.Request;
import dev.evalgate.target.Target;
import dev.evalgate.tools.ArgumentSample;
import dev.evalgate.tools.ToolCall;
import dev.evalgate.tools.ToolSpec;
import dev.evalgate.tools.Toolbox;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A target's rehearsal that holds conversations like a tool-calling model: the first model calls of each warm-up
 * conversation are answered with a call of one of the suite's tools, with arguments built from its schema, and the
 * next with a final text, so the agent loop, the protocol's tool-call parsing, the scripted results and the tool
 * scorers are warm before the measured run.
 *
 * <p>The stand-in answers every request under one path with one fixed body, and reads nothing, so it adds no time
 * of its own; each (step, tool) answer therefore gets its own path and its own copy of the target, and this type
 * sends each call to the copy whose answer fits the conversation so far. Single-turn calls go to the plain copy.
 */
final class ConversationRehearsal implements Target {

    /** Model calls answered with a tool call before the final text; a measured conversation often makes two. */
    static final int TOOL_STEPS = 2;
    /** Suites with more tools have the first ones called; each is as good as another for warming. */
    static final int TOOLS_CALLED = 8;

    private final Target single;
    private final List<List<Target>> steps;
    private final Target last;

    private ConversationRehearsal(Target single, List<List<Target>> steps, Target last) {
        this.single = single;
        this.steps = steps;
        this.last = last;
    }

    /**
     * The rehearsal of {@code original} aimed at {@code server}, holding conversations when its protocol says how
     * ({@link Rehearsal#turns()}); empty when the target has no rehearsal.
     */
    static Optional<Rehearsal> of(Target original, URI plain, Toolbox toolbox, StandInServer server) {
        Optional<Rehearsal> first = original.rehearsal(plain);
        if (first.isEmpty() || first.get().turns() == null) {
            return first;
        }
        Rehearsal.TurnAnswer turns = first.get().turns();
        List<ToolSpec> tools = toolbox.tools().subList(0, Math.min(TOOLS_CALLED, toolbox.tools().size()));
        // a conversation that ends on a tool call fails at max_steps; the warm-up's should end as a model's does
        int toolSteps = tools.isEmpty() ? 0 : Math.min(TOOL_STEPS, toolbox.maxSteps() - 1);
        List<List<Target>> steps = new ArrayList<>();
        for (int step = 1; step <= toolSteps; step++) {
            List<Target> byTool = new ArrayList<>();
            for (ToolSpec tool : tools) {
                ToolCall call = new ToolCall("stand_in_" + step, tool.name(),
                        ArgumentSample.of(tool.parameters()).toString());
                byTool.add(copy(original, server.serve(turns.answer(List.of(call)))));
            }
            steps.add(List.copyOf(byTool));
        }
        Target last = copy(original, server.serve(turns.answer(List.of())));
        Target conversing = new ConversationRehearsal(first.get().target(), List.copyOf(steps), last);
        return Optional.of(new Rehearsal(conversing, first.get().reply(), turns));
    }

    private static Target copy(Target original, URI standIn) {
        return original.rehearsal(standIn).orElseThrow().target();
    }

    @Override
    public Reply call(Request request) throws Exception {
        if (request.conversation() == null) {
            return single.call(request);
        }
        // the stand-in's own answers are the only turns with tool calls: their count is the step
        int step = (int) request.conversation().turns().stream().filter(t -> !t.toolCalls().isEmpty()).count();
        if (step >= steps.size()) {
            return last.call(request);
        }
        List<Target> byTool = steps.get(step);
        // the case picks the tool, so a suite's tools all get called and their scripted results all read
        return byTool.get(Math.floorMod(request.kase().id().hashCode() + step, byTool.size())).call(request);
    }
}
