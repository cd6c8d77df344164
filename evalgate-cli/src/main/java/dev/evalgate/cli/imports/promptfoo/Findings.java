package dev.evalgate.cli.imports.promptfoo;

import dev.evalgate.config.ConfigNode;

import java.util.ArrayList;
import java.util.List;

/** What one import noticed: the parts it left out, and notes on parts it changed on the way in. */
final class Findings {

    private final List<Skipped> skipped = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    void skip(ConfigNode node, String what, String why) {
        skipped.add(Skipped.at(node, what, why));
    }

    void skip(Skipped one) {
        skipped.add(one);
    }

    void note(ConfigNode node, String text) {
        notes.add(node.file() + (node.line() > 0 ? ":" + node.line() : "") + ": " + text);
    }

    /** In file and line order, so the list reads down the config. */
    List<Skipped> skipped() {
        return skipped.stream().sorted(java.util.Comparator.comparing(Skipped::file)
                .thenComparingInt(Skipped::line)).toList();
    }

    List<String> notes() {
        return List.copyOf(notes);
    }
}
