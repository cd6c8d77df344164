package dev.evalgate.tools;

import java.util.List;

/**
 * What one model call of a conversation sends: every turn so far and the tools on offer.
 *
 * @param toolChoice {@code auto}, {@code required}, {@code none}, or null to leave it to the provider
 */
public record Conversation(List<Turn> turns, List<ToolSpec> tools, String toolChoice) {

    public Conversation {
        turns = List.copyOf(turns);
        tools = List.copyOf(tools);
    }

    /** The system turns joined, or null when there is none (for APIs with a separate system field). */
    public String system() {
        List<String> systems = turns.stream().filter(t -> "system".equals(t.role())).map(Turn::content).toList();
        return systems.isEmpty() ? null : String.join("\n\n", systems);
    }

    /** The turns other than system ones, in order. */
    public List<Turn> dialogue() {
        return turns.stream().filter(t -> !"system".equals(t.role())).toList();
    }
}
