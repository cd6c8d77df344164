package dev.evalgate.calibration;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalgate.config.Suggest;
import dev.evalgate.error.ConfigException;
import dev.evalgate.files.AtomicFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The labels file: one JSON object per line, {@code {"case": "c1", "target": "gpt", "output": "…", "human": "pass",
 * "note": "…"}}, kept in git beside the suite so that every change to it shows as a line in a diff.
 *
 * <p>Labelling the same output again appends nothing: the label is replaced where it stands, so the file never holds
 * two verdicts for one output. Every write replaces the whole file at once, so a labeller killed mid-write leaves the
 * labels as they were before that label.
 */
public final class LabelsFile {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> KEYS = Set.of("case", "target", "output", "human", "note");

    private LabelsFile() {
    }

    /** Where a judge scorer's labels are kept unless its {@code labels:} option says otherwise. */
    public static Path defaultFor(Path suiteDir, String scorer) {
        return suiteDir.resolve("labels").resolve(scorer + ".jsonl");
    }

    /** The labels in {@code file}, one per labelled output; none when the file does not exist yet. */
    public static List<Label> read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new ConfigException("cannot read labels file " + file + ": " + e.getMessage()
                    + ". Check that it is a readable file.", e);
        }
        Map<Label.LabelKey, Label> byKey = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            Label label = parse(file, i + 1, line);
            byKey.put(label.key(), label); // a later verdict on the same output replaces the earlier one
        }
        return List.copyOf(byKey.values());
    }

    /** Replaces {@code file} with {@code labels}, one line each, in order. */
    public static void write(Path file, List<Label> labels) {
        StringBuilder text = new StringBuilder();
        for (Label label : labels) {
            text.append(line(label)).append('\n');
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            AtomicFile.writeString(file, text.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write labels file " + file + ": " + e.getMessage(), e);
        }
    }

    /** {@code labels} with {@code added} in place of an earlier label for the same output, or at the end. */
    public static List<Label> with(List<Label> labels, Label added) {
        List<Label> out = new ArrayList<>(labels.size() + 1);
        boolean replaced = false;
        for (Label label : labels) {
            if (!replaced && label.key().equals(added.key())) {
                out.add(added);
                replaced = true;
            } else {
                out.add(label);
            }
        }
        if (!replaced) {
            out.add(added);
        }
        return out;
    }

    static String line(Label label) {
        ObjectNode node = JSON.createObjectNode();
        node.put("case", label.caseId());
        if (label.target() != null) {
            node.put("target", label.target());
        }
        node.put("output", label.output());
        node.put("human", label.pass() ? "pass" : "fail");
        if (!label.note().isEmpty()) {
            node.put("note", label.note());
        }
        return node.toString();
    }

    private static Label parse(Path file, int line, String text) {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw at(file, line, "is not a JSON object (" + e.getOriginalMessage() + "). Each line holds one label, "
                    + "e.g. {\"case\": \"c1\", \"output\": \"…\", \"human\": \"pass\"}.");
        }
        if (node == null || !node.isObject()) {
            throw at(file, line, "is not a JSON object. Each line holds one label, "
                    + "e.g. {\"case\": \"c1\", \"output\": \"…\", \"human\": \"pass\"}.");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!KEYS.contains(name)) {
                String nearest = Suggest.nearest(name, KEYS);
                throw at(file, line, "has an unknown key '" + name + "'."
                        + (nearest == null ? "" : " Did you mean '" + nearest + "'?")
                        + " A label has: case, target, output, human, note.");
            }
        }
        String caseId = text(file, line, node, "case", true);
        String output = text(file, line, node, "output", true);
        String human = text(file, line, node, "human", true);
        boolean pass = switch (human) {
            case "pass" -> true;
            case "fail" -> false;
            default -> throw at(file, line, "says human: \"" + human + "\"; a human verdict is \"pass\" or \"fail\".");
        };
        return new Label(caseId, text(file, line, node, "target", false), output, pass,
                text(file, line, node, "note", false));
    }

    private static String text(Path file, int line, JsonNode node, String key, boolean required) {
        JsonNode value = node.get(key);
        if (value == null || value.isNull()) {
            if (required) {
                throw at(file, line, "has no '" + key + "'. Every label needs case, output and human.");
            }
            return null;
        }
        if (!value.isTextual()) {
            throw at(file, line, "has '" + key + "' as " + value.getNodeType().toString().toLowerCase()
                    + "; it must be a string.");
        }
        return value.asText();
    }

    private static ConfigException at(Path file, int line, String message) {
        return ConfigException.at(file.toString(), line, "this label " + message);
    }
}
