package dev.evalgate.cli.imports.promptfoo;

import dev.evalgate.config.ConfigNode;

import java.nio.file.Path;
import java.util.List;

/** A test variable's value: as written, or for {@code file://} the file's text, as promptfoo loads it. */
final class VarFiles {

    private VarFiles() {
    }

    static Object value(ConfigNode node, Path baseDir, Findings findings) {
        if (node instanceof ConfigNode.Sequence seq) {
            return seq.items().stream().map(item -> value(item, baseDir, findings)).toList();
        }
        if (!(node instanceof ConfigNode.Scalar s) || s.isNull() || !s.value().startsWith("file://")) {
            Object plain = PfYaml.plain(node);
            return plain == null || plain instanceof String || plain instanceof List<?>
                    || plain instanceof java.util.Map<?, ?> ? plain : String.valueOf(plain);
        }
        String path = s.value().substring("file://".length());
        String code = PromptsReader.codeFile(path);
        if (code != null) {
            findings.skip(node, "variable " + s.path(), "its value is computed by " + code + " code, which evalgate "
                    + "cannot run; the case keeps the reference text");
            return s.value();
        }
        return PfYaml.text(SourceFiles.matching(baseDir, path, node).getFirst());
    }

}
