import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * A command-target worker for tests: answers each JSON request line with "echo:" + the user prompt, and reports
 * tokens as the lengths of the prompt and the answer (the TargetContract fixture). Run as `java EchoWorker.java`.
 * It has no dependencies, so it reads only the fields it needs, with a small JSON string reader.
 */
public class EchoWorker {

    public static void main(String[] args) throws Exception {
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        System.err.println("echo worker ready");
        String line;
        while ((line = in.readLine()) != null) {
            out.println(answer(line));
        }
    }

    static String answer(String request) {
        String user = stringAfter(request, request.indexOf("\"prompt\":{"), "\"user\":");
        String answer = "echo:" + user;
        return "{\"output\":" + quote(answer) + ",\"usage\":{\"input_tokens\":" + user.length()
                + ",\"output_tokens\":" + answer.length() + "}}";
    }

    /** The JSON string value that follows the first {@code key} at or after {@code from}. */
    static String stringAfter(String json, int from, String key) {
        int at = json.indexOf(key, Math.max(0, from)) + key.length();
        if (json.charAt(at) != '"') {
            return "";
        }
        StringBuilder out = new StringBuilder();
        for (int i = at + 1; ; i++) {
            char c = json.charAt(i);
            if (c == '"') {
                return out.toString();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = json.charAt(++i);
            switch (e) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    out.append((char) Integer.parseInt(json.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> out.append(e);
            }
        }
    }

    static String quote(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
