package dev.evalgate.report.html;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.evalgate.files.AtomicFile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * The HTML report: one self-contained file that draws a run view offline, with the stylesheet, ECharts,
 * {@code run-view.js} and the view JSON all inline. A Content-Security-Policy forbids every network request, so
 * even text that escaped its escaping could not load anything.
 *
 * <p>The JSON sits in a {@code <script type="application/json">} with {@code <}, {@code >}, {@code &} and the
 * line separators U+2028/U+2029 written as {@code \}{@code u} escapes: data cannot close the tag, and the script
 * reads it back with {@code JSON.parse}, which decodes them.
 */
public final class HtmlReport {

    /** Scripts and styles only from this page; no fetch, image, font or frame from anywhere. */
    static final String POLICY = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline';"
            + " img-src data:; base-uri 'none'; form-action 'none'";

    private HtmlReport() {
    }

    /** The report page of a view built by {@link RunView#build()}. */
    public static String html(JsonNode view) {
        String title = "evalgate · " + view.path("suite").asText("") + " · " + view.path("runId").asText("");
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta http-equiv=\"Content-Security-Policy\" content=\"" + POLICY + "\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<meta name=\"generator\" content=\"evalgate report\">\n"
                + "<title>" + escapeHtml(title) + "</title>\n"
                + "<style>\n" + Assets.reportCss() + "\n</style>\n</head>\n<body class=\"eg-page\">\n"
                + "<main id=\"evalgate-root\" class=\"eg-root\"></main>\n"
                + "<script type=\"application/json\" id=\"evalgate-data\">" + embeddedJson(view) + "</script>\n"
                + "<script>\n" + inlineScript(Assets.echartsJs()) + "\n</script>\n"
                + "<script>\n" + inlineScript(Assets.runViewJs()) + "\n</script>\n"
                + "<script>\nEvalgateRunView.render(document.getElementById('evalgate-root'),\n"
                + "    JSON.parse(document.getElementById('evalgate-data').textContent), {});\n</script>\n"
                + "</body>\n</html>\n";
    }

    /** Writes the report page of {@code view} to {@code file}, creating its folder. */
    public static void write(JsonNode view, Path file) {
        try {
            AtomicFile.writeString(file, html(view));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the HTML report to " + file + ": " + e.getMessage(), e);
        }
    }

    /** JSON safe inside a script element: no character of it can end the element or start markup. */
    static String embeddedJson(JsonNode view) {
        String json;
        try {
            json = ViewJson.MAPPER.writeValueAsString(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the run view cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
        StringBuilder out = new StringBuilder(json.length() + 64);
        for (int i = 0; i < json.length(); i++) {
            char ch = json.charAt(i);
            switch (ch) {
                case '<' -> out.append("\\u003c");
                case '>' -> out.append("\\u003e");
                case '&' -> out.append("\\u0026");
                case '\u2028' -> out.append("\\u2028");
                case '\u2029' -> out.append("\\u2029");
                default -> out.append(ch);
            }
        }
        return out.toString();
    }

    /** Our own scripts as inline code: a {@code </script} inside a string literal would end the element early. */
    static String inlineScript(String js) {
        return js.replace("</script", "<\\/script").replace("</SCRIPT", "<\\/SCRIPT");
    }

    static String escapeHtml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
