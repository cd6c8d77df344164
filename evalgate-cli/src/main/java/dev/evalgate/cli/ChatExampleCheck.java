package dev.evalgate.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.evalgate.dataset.Case;
import dev.evalgate.dataset.CaseReader;
import dev.evalgate.dataset.Dataset;
import dev.evalgate.error.ConfigException;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Checks a written chat fine-tuning file line by line against the cases it was made from.
 *
 * <p>Each line must be one JSON object whose {@code messages} are an optional system message, a user message and
 * an assistant message, in that order, each with non-empty text content, and the assistant's content must be the
 * case's expected answer. Providers reject a whole upload for one bad line, so the check runs before the file is
 * put in place.
 */
final class ChatExampleCheck {

    private static final List<String> WITH_SYSTEM = List.of("system", "user", "assistant");
    private static final List<String> WITHOUT_SYSTEM = List.of("user", "assistant");

    private ChatExampleCheck() {
    }

    /** Fails naming {@code shownAs:line} and the case on the first line that breaks a rule. */
    static void check(Path written, String shownAs, Dataset dataset) throws IOException {
        try (BufferedReader lines = Files.newBufferedReader(written, StandardCharsets.UTF_8);
             CaseReader cases = dataset.open()) {
            int number = 0;
            String line;
            while ((line = lines.readLine()) != null) {
                number++;
                if (!cases.hasNext()) {
                    throw ConfigException.at(shownAs, number, "has more lines than the dataset has cases");
                }
                check(line, cases.next(), shownAs, number);
            }
            if (cases.hasNext()) {
                throw ConfigException.at(shownAs, number, "ends before the dataset's last case");
            }
        }
    }

    private static void check(String line, Case kase, String file, int number) {
        JsonNode root;
        try {
            root = CaseJson.MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw fail(file, number, kase, "is not valid JSON: " + e.getOriginalMessage());
        }
        JsonNode messages = root == null ? null : root.get("messages");
        if (messages == null || !messages.isArray()) {
            throw fail(file, number, kase, "has no 'messages' list");
        }
        if (ToolExample.applies(kase)) {
            ToolExampleCheck.check(messages, root.get("tools"), kase).ifPresent(problem -> {
                throw fail(file, number, kase, problem);
            });
            return;
        }
        List<String> roles = messages.valueStream().map(m -> m.path("role").asText()).toList();
        if (!roles.equals(WITH_SYSTEM) && !roles.equals(WITHOUT_SYSTEM)) {
            throw fail(file, number, kase, "has roles " + roles + "; a chat example is " + WITH_SYSTEM
                    + " or " + WITHOUT_SYSTEM);
        }
        for (JsonNode message : messages) {
            JsonNode content = message.get("content");
            if (content == null || !content.isTextual() || content.textValue().isBlank()) {
                throw fail(file, number, kase, "has an empty " + message.path("role").asText() + " message. "
                        + "Give the case a non-empty input and expected answer, and check the prompt renders text");
            }
        }
        String answer = messages.get(messages.size() - 1).get("content").textValue();
        if (!answer.equals(kase.expected().primary())) {
            throw fail(file, number, kase, "has assistant content '" + answer + "', but the case expects '"
                    + kase.expected().primary() + "'");
        }
    }

    private static ConfigException fail(String file, int number, Case kase, String problem) {
        return ConfigException.at(file, number, problem + " (case " + kase.id() + " from " + kase.source() + ").");
    }
}
