import com.sun.net.httpserver.HttpServer;
import java.io.*;
import java.net.*;
import java.nio.charset.StandardCharsets;
import java.nio.file.*;
import java.util.*;
import java.util.concurrent.*;

/** An OpenAI-compatible loopback server for bench/first-calls.sh: answers every call after 20 ms, warms its own JIT
 * first, and on exit writes its own time per request (handler start to response written), in ms, one per line. */
public class FirstCallsServer {
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        Path log = Path.of(args[1]);
        Queue<Double> times = new ConcurrentLinkedQueue<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
        byte[] reply = "{\"choices\":[{\"message\":{\"role\":\"assistant\",\"content\":\"yes\"}}],\"usage\":{\"prompt_tokens\":5,\"completion_tokens\":1}}".getBytes(StandardCharsets.UTF_8);
        server.createContext("/", ex -> {
            long t0 = System.nanoTime();
            try (ex; InputStream in = ex.getRequestBody()) {
                in.transferTo(OutputStream.nullOutputStream());
                Thread.sleep(20);
                ex.getResponseHeaders().set("Content-Type", "application/json");
                ex.sendResponseHeaders(200, reply.length);
                ex.getResponseBody().write(reply);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            times.add((System.nanoTime() - t0) / 1e6);
        });
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        // warm this server's own JIT so that its time per request is its steady one, not the client's problem
        try (var client = java.net.http.HttpClient.newHttpClient(); var pool = Executors.newFixedThreadPool(50)) {
            URI uri = URI.create("http://127.0.0.1:" + port + "/warm");
            List<Future<?>> fs = new ArrayList<>();
            for (int i = 0; i < 3000; i++) {
                fs.add(pool.submit(() -> client.send(java.net.http.HttpRequest.newBuilder(uri).POST(
                        java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString())));
            }
            for (Future<?> f : fs) f.get();
        }
        times.clear();
        Files.writeString(Path.of(args[1] + ".ready"), "");
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                StringBuilder sb = new StringBuilder();
                for (double t : times) sb.append(t).append('\n');
                Files.writeString(log, sb);
            } catch (IOException e) { }
        }));
        Thread.sleep(Long.MAX_VALUE);
    }
}
