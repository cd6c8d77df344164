import dev.evalgate.testkit.FixedLatencyServer;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A loopback OpenAI-style server answering after 20 ms; prints its URL and runs until killed. */
public class ShardsServer {
    public static void main(String[] args) throws Exception {
        Pattern number = Pattern.compile("q(\\d+)");
        FixedLatencyServer server = FixedLatencyServer.start(Duration.ofMillis(20), body -> {
            Matcher m = number.matcher(body);
            int n = m.find() ? Integer.parseInt(m.group(1)) : 0;
            return "{\"choices\":[{\"message\":{\"content\":\"" + (n % 7 == 0 ? "no" : "yes") + "\"}}],"
                    + "\"usage\":{\"prompt_tokens\":" + (3 + n % 5) + ",\"completion_tokens\":1}}";
        });
        System.out.println(server.url("/v1"));
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
