package dev.evalgate.report.html;

import com.fasterxml.jackson.databind.JsonNode;
import dev.evalgate.compare.RunRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static dev.evalgate.report.html.Records.fail;
import static dev.evalgate.report.html.Records.pass;
import static org.assertj.core.api.Assertions.assertThat;

class HtmlReportTest {

    static final String IMG = "<img src=x onerror=alert(1)>";
    static final String CLOSE = "</script><script>alert(2)</script>";

    @TempDir
    Path dir;

    private static RunRecord hostileRun() {
        return Records.run("r-1", List.of("equals"), List.of(),
                Records.target("bot", fail("c1", "yes", IMG, 12, 0.001), fail("c2", "yes", CLOSE, 14, 0.001),
                        pass("c3", "yes", 9, 0.001), fail("c4", "yes", "a\u2028b & c", 3, 0.001)));
    }

    private static String html() {
        return HtmlReport.html(RunView.of(hostileRun()).inputs(Map.of("c1", "<b>bold</b>")).build());
    }

    /** The text of the one JSON data element. */
    private static String data(String html) {
        Matcher m = Pattern.compile("<script type=\"application/json\" id=\"evalgate-data\">(.*?)</script>",
                Pattern.DOTALL).matcher(html);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    @Test
    void model_output_with_markup_appears_only_escaped() {
        String html = html();

        assertThat(html).doesNotContain(IMG).doesNotContain("onerror=alert(1)>").doesNotContain("alert(2)</script>")
                .doesNotContain("<b>bold</b>");
        assertThat(data(html)).contains("\\u003cimg src=x onerror=alert(1)\\u003e")
                .contains("\\u003c/script\\u003e\\u003cscript\\u003ealert(2)")
                .contains("a\\u2028b \\u0026 c");
    }

    @Test
    void the_data_element_closes_once_and_parses_back_to_the_view() throws IOException {
        String html = html();

        assertThat(Pattern.compile("<script type=\"application/json\"").matcher(html).results().count()).isOne();
        JsonNode parsed = ViewJson.MAPPER.readTree(data(html));
        JsonNode failures = parsed.get("failures");
        assertThat(failures.get(0).get("output").asText()).isEqualTo(IMG);
        assertThat(failures.get(0).get("input").asText()).isEqualTo("<b>bold</b>");
        assertThat(failures.get(1).get("output").asText()).isEqualTo(CLOSE);
        assertThat(failures.get(2).get("output").asText()).isEqualTo("a\u2028b & c");
    }

    @Test
    void the_page_loads_nothing_from_a_network() {
        String html = html();

        assertThat(html).doesNotContainPattern("(?i)<script[^>]*\\ssrc\\s*=")
                .doesNotContainPattern("(?i)<link\\b")
                .doesNotContainPattern("(?i)@import")
                .doesNotContainPattern("(?i)(src|href)\\s*=\\s*[\"']?(https?:)?//");
        assertThat(html).contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';");
    }

    @Test
    void the_page_inlines_echarts_the_stylesheet_and_the_run_view() {
        String html = html();

        assertThat(html).contains(Assets.echartsJs()).contains(Assets.reportCss()).contains(Assets.runViewJs())
                .contains("EvalgateRunView.render(document.getElementById('evalgate-root')");
        assertThat(Assets.echartsJs()).contains("5.3.1");
        assertThat(Assets.runViewJs()).contains("global.EvalgateRunView = {render: render");
    }

    @Test
    void the_title_is_escaped() {
        RunRecord run = Records.run("<run>", List.of("equals"), List.of(), Records.target("bot"));

        assertThat(HtmlReport.html(RunView.of(run).build())).contains("<title>evalgate · routing · &lt;run&gt;</title>");
    }

    @Test
    void writes_the_file_into_a_new_folder() throws IOException {
        Path file = dir.resolve("out/report.html");

        HtmlReport.write(RunView.of(hostileRun()).build(), file);

        assertThat(Files.readString(file)).startsWith("<!DOCTYPE html>").endsWith("</html>\n");
    }
}
