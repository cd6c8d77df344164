import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The loopback server of bench/scenarios.sh, run in its own JVM so it shares no JIT with the client: an
 * OpenAI-compatible chat completions endpoint on 127.0.0.1 that answers every request after a fixed delay.
 *
 * <p>It times itself: for each request, from the arrival of its first byte to the flush of the answer's last byte,
 * in ms, written one per line in arrival order to the times file when the process is stopped (SIGTERM). It warms
 * its own JIT with 3,000 requests first, so its time is its steady one, then writes its port to the port file.
 * A raw socket server with a virtual thread per connection: the JDK's HttpServer adds milliseconds of its own.
 *
 * <p>With a fourth argument {@code tools} it behaves like a tool-calling model instead: the first two requests of a
 * conversation (told apart by the assistant turns already in it) are answered with a call of {@code lookup_order},
 * the third with the text "yes", so each conversation makes three model calls. Each line of the times file then
 * also names the case, from the "question N" of its user turn: {@code N TIME}.
 *
 * <p>With {@code stream} it streams like a chat model instead (server-sent events, chunked): the first piece of the
 * answer DELAY_MS after the request's arrival, ten more every 20 ms, then the usage and {@code [DONE]}; each line of
 * the times file is then {@code FIRST LAST}, the ms from arrival to the flush of the first piece and of the last byte.
 *
 * <pre>java bench/ScenarioServer.java PORT_FILE DELAY_MS TIMES_FILE [tools|stream]</pre>
 */
public final class ScenarioServer {

    private static final byte[] ANSWER = ("{\"id\":\"b\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,"
            + "\"message\":{\"role\":\"assistant\",\"content\":\"yes\"},\"finish_reason\":\"stop\"}],"
            + "\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":1,\"total_tokens\":13}}")
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] HEAD = ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
            + ANSWER.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);

    private static final Pattern QUESTION = Pattern.compile("question (\\d+)");

    private final ConcurrentLinkedQueue<String> times = new ConcurrentLinkedQueue<>();
    private final long delayMs;
    private final boolean tools;
    private final boolean stream;
    private volatile boolean recording;
    /**
     * With {@code stream}, a platform thread per connection, kept after the warm-up: sleeping until a piece is due, it
     * is woken on time by the kernel, where a virtual thread is woken by way of the JDK's timer thread and then a
     * carrier, 1-5 ms late at p95 on a busy 2-core machine; a new thread per connection put 2-5 ms more on the first
     * requests. Otherwise a virtual thread per connection: at concurrency 50-100 fifty platform threads waking at once
     * took the cores from the client being measured (its p95 for the first 200 calls rose from 30-38 to 40-60 ms).
     */
    private final ExecutorService connections;

    private ScenarioServer(long delayMs, String mode) {
        this.delayMs = delayMs;
        this.tools = mode.equals("tools");
        this.stream = mode.equals("stream");
        this.connections = stream ? Executors.newCachedThreadPool(Thread.ofPlatform().daemon().factory())
                : Executors.newVirtualThreadPerTaskExecutor();
    }

    public static void main(String[] args) throws Exception {
        Path portFile = Path.of(args[0]);
        ScenarioServer server = new ScenarioServer(Long.parseLong(args[1]), args.length > 3 ? args[3] : "");
        Path timesFile = Path.of(args[2]);
        ServerSocket socket = new ServerSocket(0, 4096, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().start(() -> server.accept(socket));
        server.warm(socket.getLocalPort());
        server.recording = true;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> server.write(timesFile)));
        Files.writeString(portFile, Integer.toString(socket.getLocalPort()));
        Thread.sleep(Long.MAX_VALUE);
    }

    private void accept(ServerSocket socket) {
        while (true) {
            try {
                Socket connection = socket.accept();
                connection.setTcpNoDelay(true);
                connections.execute(() -> serve(connection));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket connection) {
        try (connection; InputStream in = new BufferedInputStream(connection.getInputStream());
             OutputStream out = connection.getOutputStream()) {
            while (true) {
                int first = in.read(); // blocks until the next request's first byte arrives
                if (first < 0) {
                    return;
                }
                long arrived = System.nanoTime();
                int length = readHeaders(in);
                String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
                if (stream) {
                    String own = stream(out, arrived);
                    if (recording) {
                        times.add(own);
                    }
                    continue;
                }
                Thread.sleep(delayMs);
                String label = "";
                byte[] whole;
                if (tools) {
                    Matcher question = QUESTION.matcher(body);
                    label = (question.find() ? question.group(1) : "0") + " ";
                    whole = toolAnswer(label.strip(), body.split("\"role\":\"assistant\"", -1).length - 1);
                } else {
                    whole = new byte[HEAD.length + ANSWER.length];
                    System.arraycopy(HEAD, 0, whole, 0, HEAD.length);
                    System.arraycopy(ANSWER, 0, whole, HEAD.length, ANSWER.length);
                }
                out.write(whole);
                out.flush();
                if (recording) {
                    times.add(label + String.format(Locale.ROOT, "%.3f", (System.nanoTime() - arrived) / 1e6));
                }
            }
        } catch (IOException | InterruptedException e) {
            // the client closed the connection
        }
    }

    /**
     * Streams one answer: each piece is due at a fixed offset from the arrival, so a late wake-up does not delay the
     * rest; returns "FIRST LAST", the ms from arrival to the first piece's flush and to the last byte's.
     */
    private String stream(OutputStream out, long arrived) throws IOException, InterruptedException {
        out.write("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nTransfer-Encoding: chunked\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        long due = arrived + delayMs * 1_000_000L;
        long first = 0;
        for (int piece = 0; piece <= 12; piece++) {
            String data = piece == 0 ? "{\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\",\"content\":\"y\"}}]}"
                    : piece <= 10 ? "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + (piece == 10 ? "es" : "")
                    + "\"}}]}"
                    : piece == 11 ? "{\"choices\":[],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":11}}"
                    : "[DONE]";
            if (piece > 0 && piece <= 10) {
                due += 20_000_000L;
            }
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(Duration.ofNanos(wait));
            }
            byte[] event = ("data: " + data + "\n\n").getBytes(StandardCharsets.UTF_8);
            out.write((Integer.toHexString(event.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(event);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            if (first == 0) {
                first = System.nanoTime();
            }
        }
        out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        out.flush();
        long last = System.nanoTime();
        return String.format(Locale.ROOT, "%.3f %.3f", (first - arrived) / 1e6, (last - arrived) / 1e6);
    }

    /** A tool call for the first two steps of conversation {@code n}, then the final answer. */
    private static byte[] toolAnswer(String n, int assistantTurns) {
        String message = assistantTurns >= 2 ? "{\"role\":\"assistant\",\"content\":\"yes\"}"
                : "{\"role\":\"assistant\",\"content\":null,\"tool_calls\":[{\"id\":\"call_" + n + "_" + assistantTurns
                + "\",\"type\":\"function\",\"function\":{\"name\":\"lookup_order\",\"arguments\":"
                + "\"{\\\"order_id\\\":\\\"A-" + n + "\\\"}\"}}]}";
        byte[] answer = ("{\"id\":\"b\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,\"message\":" + message
                + ",\"finish_reason\":\"" + (assistantTurns >= 2 ? "stop" : "tool_calls") + "\"}],"
                + "\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":1,\"total_tokens\":13}}")
                .getBytes(StandardCharsets.UTF_8);
        byte[] head = ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + answer.length
                + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] whole = new byte[head.length + answer.length];
        System.arraycopy(head, 0, whole, 0, head.length);
        System.arraycopy(answer, 0, whole, head.length, answer.length);
        return whole;
    }

    private static int readHeaders(InputStream in) throws IOException {
        int length = 0;
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                if (line.isEmpty()) {
                    return length;
                }
                String text = line.toString().toLowerCase(Locale.ROOT);
                if (text.startsWith("content-length:")) {
                    length = Integer.parseInt(text.substring("content-length:".length()).trim());
                }
                line.setLength(0);
            } else if (c != '\r') {
                line.append((char) c);
            }
        }
        return length;
    }

    private void warm(int port) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + port + "/v1/chat/completions");
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
             ExecutorService pool = Executors.newFixedThreadPool(50)) {
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < (stream ? 400 : 3000); i++) {
                calls.add(pool.submit(() -> client.send(HttpRequest.newBuilder(uri)
                        .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString())));
            }
            for (Future<?> call : calls) {
                call.get();
            }
        }
    }

    private void write(Path file) {
        StringBuilder text = new StringBuilder();
        for (String t : times) {
            text.append(t).append('\n');
        }
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            System.err.println("ScenarioServer: cannot write " + file + ": " + e.getMessage());
        }
    }
}
