import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A command-target worker for failure tests; what it does depends on the case input:
 * "crash" exits with code 3 (once: it leaves the file named by env CRASH_MARKER, and after a restart answers),
 * "error" reports an error, "garbage" writes a line that is not JSON, "slow" answers after 1.5 s; anything else
 * is echoed as "echo:" + input. Run as `java ScriptedWorker.java`.
 */
public class ScriptedWorker {

    public static void main(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        String line;
        while ((line = in.readLine()) != null) {
            String input = stringAfter(line, "\"input\":");
            switch (input) {
                case "crash" -> {
                    Path marker = Path.of(System.getenv("CRASH_MARKER"));
                    if (!Files.exists(marker)) {
                        Files.writeString(marker, "crashed once");
                        System.err.println("about to crash on purpose");
                        System.err.flush();
                        System.exit(3);
                    }
                    out.println("{\"output\":\"survived\"}");
                }
                case "error" -> out.println("{\"error\":\"cannot classify this input\"}");
                case "garbage" -> out.println("Loading model weights...");
                case "slow" -> {
                    Thread.sleep(1500);
                    out.println("{\"output\":\"echo:slow\"}");
                }
                default -> out.println("{\"output\":\"echo:" + input + "\"}");
            }
        }
    }

    /** The plain (escape-free) JSON string value after the first {@code key}; enough for these inputs. */
    static String stringAfter(String json, String key) {
        int start = json.indexOf(key) + key.length() + 1;
        return json.substring(start, json.indexOf('"', start));
    }
}
