package dev.evalgate.springai;

import dev.evalgate.testkit.LoopbackServer;
import dev.evalgate.testkit.ScriptedResponse;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;

import java.time.Duration;

/** Spring AI's real OpenAI client pointed at a loopback server, and the OpenAI answers the tests script. */
final class OpenAiLoopback {

    private OpenAiLoopback() {
    }

    /** The client as the docs advise: its own retries off, so the runner's are the only ones. */
    static OpenAiChatModel model(LoopbackServer server, Duration timeout) {
        return OpenAiChatModel.builder().options(OpenAiChatOptions.builder()
                .baseUrl(server.url("/v1")).apiKey("test-key").model("gpt-4o-mini")
                .maxRetries(0).timeout(timeout).build()).build();
    }

    static OpenAiChatModel model(LoopbackServer server) {
        return model(server, Duration.ofSeconds(10));
    }

    static ScriptedResponse answer(String content, int promptTokens, int completionTokens) {
        return completion("{\"role\":\"assistant\",\"content\":" + quote(content) + "}", "stop",
                promptTokens, completionTokens);
    }

    static ScriptedResponse toolCall(String id, String name, String arguments) {
        return completion("{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":" + quote(id)
                + ",\"type\":\"function\",\"function\":{\"name\":" + quote(name) + ",\"arguments\":"
                + quote(arguments) + "}}]}", "tool_calls", 30, 9);
    }

    static ScriptedResponse error(int status, String message) {
        return ScriptedResponse.json(status, "{\"error\":{\"message\":" + quote(message)
                + ",\"type\":\"test_error\",\"param\":null,\"code\":null}}");
    }

    private static ScriptedResponse completion(String message, String finish, int in, int out) {
        return ScriptedResponse.json(200, "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1,"
                + "\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"message\":" + message
                + ",\"logprobs\":null,\"finish_reason\":\"" + finish + "\"}],\"usage\":{\"prompt_tokens\":" + in
                + ",\"completion_tokens\":" + out + ",\"total_tokens\":" + (in + out) + "}}");
    }

    static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
