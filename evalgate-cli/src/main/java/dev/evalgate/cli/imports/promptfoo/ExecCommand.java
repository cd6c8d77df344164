package dev.evalgate.cli.imports.promptfoo;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code command} target that runs a promptfoo {@code exec:} script through {@link ExecBridge}: evalgate speaks
 * JSON lines to the bridge, and the bridge runs the script once per call the way promptfoo does.
 */
final class ExecCommand {

    private final Path suiteDir;
    private final Path configDir;

    ExecCommand(Path suiteDir, Path configDir) {
        this.suiteDir = suiteDir.toAbsolutePath().normalize();
        this.configDir = configDir.toAbsolutePath().normalize();
    }

    /** The target's {@code command} and {@code cwd} for the script's command line. */
    Map<String, Object> target(String commandLine) {
        List<String> command = new ArrayList<>(List.of("${EVALGATE_JAVA:-" + currentJava() + "}", "-cp", classPath(),
                ExecBridge.class.getName()));
        command.addAll(words(commandLine));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("command", command);
        String cwd = suiteDir.relativize(configDir).toString();
        out.put("cwd", cwd.isEmpty() ? "." : cwd);
        return out;
    }

    /** The java running this import (JDK 21+, as the bridge needs), else whatever {@code java} is on the PATH. */
    private static String currentJava() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    /** Where the bridge's class is: the evalgate jar, or the classes folder when run from a build. */
    static String classPath() {
        try {
            return Path.of(ExecBridge.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException | RuntimeException e) {
            throw new IllegalStateException("cannot locate evalgate's own classes for the exec bridge", e);
        }
    }

    /** The command line split into words on spaces, honouring single and double quotes (no shell is run). */
    static List<String> words(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        char quote = 0;
        boolean inWord = false;
        for (char c : line.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    out.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            out.add(word.toString());
        }
        return out;
    }
}
