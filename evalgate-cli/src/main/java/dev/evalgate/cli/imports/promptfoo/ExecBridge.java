package dev.evalgate.cli.imports.promptfoo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A {@code command} worker that runs a promptfoo {@code exec:} script for each request: the script gets the
 * rendered prompt, the options ({@code {}}) and the context ({@code {"vars": ...}}) as its last three arguments,
 * and what it prints is the answer. It uses the JDK alone, so it starts from evalgate's jar or its classes folder.
 */
public final class ExecBridge {

    private ExecBridge() {
    }

    public static void main(String[] script) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        String line;
        while ((line = in.readLine()) != null) {
            if (!line.isBlank()) {
                out.println(answer(List.of(script), line));
            }
        }
    }

    static String answer(List<String> script, String requestLine) {
        try {
            Map<?, ?> request = (Map<?, ?>) new MiniJson(requestLine).value();
            Map<?, ?> prompt = request.get("prompt") instanceof Map<?, ?> p ? p : Map.of();
            Object vars = request.get("vars") == null ? Map.of() : request.get("vars");
            List<String> command = new ArrayList<>(script);
            command.add(promptText(prompt, request));
            command.add("{}");
            command.add("{\"vars\":" + MiniJson.write(vars) + "}");
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            process.getOutputStream().close();
            String stdout = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int code = process.waitFor();
            if (code != 0) {
                return "{\"error\":" + MiniJson.write("exec script exited with " + code + ": " + stdout.strip()) + "}";
            }
            return "{\"output\":" + MiniJson.write(stdout.strip()) + "}";
        } catch (IOException | RuntimeException e) {
            return "{\"error\":" + MiniJson.write("exec bridge: " + e) + "}";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "{\"error\":\"interrupted\"}";
        }
    }

    /** The user message alone, or the chat messages as JSON when there is a system message (as promptfoo passes). */
    private static String promptText(Map<?, ?> prompt, Map<?, ?> request) {
        Object user = prompt.get("user") != null ? prompt.get("user") : request.get("input");
        Object system = prompt.get("system");
        if (system == null) {
            return String.valueOf(user);
        }
        return "[{\"role\":\"system\",\"content\":" + MiniJson.write(system) + "},{\"role\":\"user\",\"content\":"
                + MiniJson.write(user) + "}]";
    }
}
