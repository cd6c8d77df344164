package dev.evalgate.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An OpenAI-compatible chat completions server on 127.0.0.1 that answers every request after a fixed delay, with
 * token usage, standing in for a model whose latency is known exactly.
 *
 * <p>Each exchange runs on its own virtual thread, so the delay is a sleep that holds no platform thread. The
 * answer is the label the user message asks for ({@code "Say refund ..."}), or {@code wrong} for case numbers the
 * bench marks as answered wrongly, so scoring does real work.
 */
final class ChatServer implements AutoCloseable {

    private static final String MARKER = "Say ";
    private static final int BACKLOG = 1024;

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final Duration delay;
    private final AtomicLong requests = new AtomicLong();

    private ChatServer(Duration delay) throws IOException {
        this.delay = delay;
        // A deep backlog: a hundred connections opened at once must not wait for SYN retries.
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), BACKLOG);
        server.setExecutor(executor);
        server.createContext("/v1/chat/completions", this::handle);
        server.start();
    }

    static ChatServer start(Duration delay) throws IOException {
        return new ChatServer(delay);
    }

    /** The base URL an {@code openai} target is given: {@code http://127.0.0.1:<port>/v1}. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    long requests() {
        return requests.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            exchange.close();
            return;
        }
        byte[] answer = completion(answerTo(body), body.length() / 4).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, answer.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer);
        }
    }

    /** The label after "Say " in the request, or "wrong" for the cases the bench answers wrongly. */
    static String answerTo(String body) {
        int at = body.indexOf(MARKER);
        if (at < 0) {
            return SyntheticDataset.WRONG_ANSWER;
        }
        int start = at + MARKER.length();
        int end = body.indexOf(' ', start);
        int caseStart = body.indexOf("(case ", end) + "(case ".length();
        int caseEnd = body.indexOf(')', caseStart);
        long index = Long.parseLong(body, caseStart, caseEnd, 10);
        return SyntheticDataset.answeredWrongly(index) ? SyntheticDataset.WRONG_ANSWER : body.substring(start, end);
    }

    private static String completion(String content, int promptTokens) {
        return "{\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion\",\"model\":\"bench-model\","
                + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"" + content + "\"},"
                + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":" + promptTokens
                + ",\"completion_tokens\":1,\"total_tokens\":" + (promptTokens + 1) + "}}";
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
