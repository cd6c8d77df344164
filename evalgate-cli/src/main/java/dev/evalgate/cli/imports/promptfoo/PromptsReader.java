package dev.evalgate.cli.imports.promptfoo;

import dev.evalgate.config.ConfigNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads promptfoo's {@code prompts:}: inline texts, chat messages as JSON or YAML, {@code file://} paths and
 * globs, items with {@code raw}/{@code id} and {@code label}. Prompts made by code are listed as not imported.
 */
final class PromptsReader {

    private final Path baseDir;
    private final Findings findings;

    PromptsReader(Path baseDir, Findings findings) {
        this.baseDir = baseDir;
        this.findings = findings;
    }

    List<PfPrompt> read(ConfigNode prompts) {
        List<PfPrompt> out = new ArrayList<>();
        switch (prompts) {
            case ConfigNode.Sequence seq -> seq.items().forEach(item -> item(item, out));
            case ConfigNode.Mapping map -> map.entries().forEach((path, label) -> text(label, path,
                    label instanceof ConfigNode.Scalar s && !s.isNull() ? s.value() : null, out));
            case ConfigNode.Scalar s -> item(s, out);
        }
        return out;
    }

    private void item(ConfigNode item, List<PfPrompt> out) {
        if (item instanceof ConfigNode.Scalar s && !s.isNull()) {
            text(s, s.value(), null, out);
        } else if (item instanceof ConfigNode.Mapping m && (m.entries().containsKey("raw")
                || m.entries().containsKey("id"))) {
            ConfigNode body = m.entries().containsKey("raw") ? m.entries().get("raw") : m.entries().get("id");
            String label = m.entries().get("label") instanceof ConfigNode.Scalar l && !l.isNull() ? l.value() : null;
            if (body instanceof ConfigNode.Scalar s && !s.isNull()) {
                text(body, s.value(), label, out);
            } else {
                chat(body, label, out);
            }
        } else if (item instanceof ConfigNode.Sequence) {
            chat(item, null, out);
        } else {
            findings.skip(item, "prompt", "is " + item.describe() + "; a prompt is a text, a file:// path, chat "
                    + "messages or a mapping with 'raw' or 'id'");
        }
    }

    private void text(ConfigNode where, String value, String label, List<PfPrompt> out) {
        if (!value.startsWith("file://")) {
            inline(where, value, label, out);
            return;
        }
        String pattern = value.substring("file://".length());
        String code = codeFile(pattern);
        if (code != null) {
            findings.skip(where, "prompt " + value, "a prompt built by " + code + " code cannot run in evalgate; "
                    + "render it to a text file and import that");
            return;
        }
        List<Path> files = SourceFiles.matching(baseDir, pattern, where);
        for (Path file : files) {
            String name = label != null && files.size() == 1 ? label : stem(file);
            String lower = file.toString().toLowerCase(java.util.Locale.ROOT);
            if (lower.endsWith(".json") || lower.endsWith(".yaml") || lower.endsWith(".yml")) {
                chat(PfYaml.read(file), name, out);
                continue;
            }
            String[] parts = PfYaml.text(file).split("(?m)^---\\s*$");
            for (int i = 0; i < parts.length; i++) {
                ConfigNode at = new ConfigNode.Scalar(file.toString(), 1, "", parts[i], false);
                inline(at, parts[i].strip(), parts.length == 1 ? name : name + "-" + (i + 1), out);
            }
        }
    }

    private void inline(ConfigNode where, String text, String label, List<PfPrompt> out) {
        String trimmed = text.strip();
        if (trimmed.startsWith("[") && trimmed.endsWith("]")) {
            try {
                chat(PfYaml.parse(where.file(), trimmed), label, out);
                return;
            } catch (RuntimeException notChat) {
                // a text that only looks like a list: keep it as text
            }
        }
        String why = Templates.unsupported(text);
        if (why != null) {
            findings.skip(where, "prompt " + shortText(text), why);
            return;
        }
        out.add(new PfPrompt(label, null, Templates.normalized(text)));
    }

    /** Chat messages: at most one system message and one user message map onto evalgate's prompt. */
    private void chat(ConfigNode messages, String label, List<PfPrompt> out) {
        if (!(messages instanceof ConfigNode.Sequence seq)) {
            findings.skip(messages, "prompt", "is " + messages.describe() + ", not a list of chat messages");
            return;
        }
        String system = null;
        String user = null;
        for (ConfigNode message : seq.items()) {
            Map<String, ConfigNode> fields = message instanceof ConfigNode.Mapping m ? m.entries() : Map.of();
            String role = scalar(fields.get("role"));
            String content = scalar(fields.get("content"));
            if (content == null || role == null) {
                findings.skip(message, "chat prompt", "a message needs a 'role' and a text 'content'");
                return;
            }
            if (role.equals("system") && system == null && user == null) {
                system = content;
            } else if (role.equals("user") && user == null) {
                user = content;
            } else {
                findings.skip(messages, "chat prompt", "has a '" + role + "' message after the first system and "
                        + "user ones; evalgate's prompt is one system message and one user message (a scripted "
                        + "conversation belongs in a case's 'messages', see docs/tools.md)");
                return;
            }
        }
        if (user == null) {
            findings.skip(messages, "chat prompt", "has no user message");
            return;
        }
        for (String part : system == null ? List.of(user) : List.of(system, user)) {
            String why = Templates.unsupported(part);
            if (why != null) {
                findings.skip(messages, "chat prompt", why);
                return;
            }
        }
        out.add(new PfPrompt(label, system == null ? null : Templates.normalized(system), Templates.normalized(user)));
    }

    static String codeFile(String path) {
        String file = path.contains(":") ? path.substring(0, path.lastIndexOf(':')) : path;
        for (String[] ext : new String[][] {{".py", "Python"}, {".js", "JavaScript"}, {".mjs", "JavaScript"},
                {".cjs", "JavaScript"}, {".ts", "TypeScript"}}) {
            if (file.endsWith(ext[0]) || path.endsWith(ext[0])) {
                return ext[1];
            }
        }
        return null;
    }

    private static String scalar(ConfigNode node) {
        return node instanceof ConfigNode.Scalar s && !s.isNull() ? s.value() : null;
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    static String shortText(String text) {
        String one = text.strip().replaceAll("\\s+", " ");
        return "\"" + (one.length() > 40 ? one.substring(0, 40) + "…" : one) + "\"";
    }
}
