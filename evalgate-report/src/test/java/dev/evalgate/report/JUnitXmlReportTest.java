package dev.evalgate.report;

import dev.evalgate.run.CaseResult;
import dev.evalgate.run.RunInfo;
import dev.evalgate.run.RunResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static dev.evalgate.report.Runs.error;
import static dev.evalgate.report.Runs.fail;
import static dev.evalgate.report.Runs.pass;
import static dev.evalgate.report.Runs.result;
import static org.assertj.core.api.Assertions.assertThat;

class JUnitXmlReportTest {

    private static final String HOSTILE = "<img src=x onerror=alert(1)> ]]> \"double\" 'single' & \u0000nul \u001b[31mred";

    @TempDir
    Path dir;

    @Test
    void has_one_testcase_per_case_per_target_with_counts_from_the_metrics() throws Exception {
        RunInfo info = Runs.info("support", "a", "b");
        List<CaseResult> results = new ArrayList<>();
        for (String t : List.of("a", "b")) {
            results.add(result(t, "c1", "billing", pass("billing", 1200)));
            results.add(result(t, "c2", "refund", fail("billing", "expected \"refund\" but got \"billing\"", 800)));
            results.add(result(t, "c3", "billing", error("timeout", "no reply in 30 s")));
        }
        results.add(result("b", "c4", "refund", fail("x", "nope", 10)));
        Document doc = write(info, results, Runs.run(info, true, false, results));

        Element root = doc.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("testsuites");
        assertThat(root.getAttribute("name")).isEqualTo("support");
        assertThat(root.getAttribute("tests")).isEqualTo("7");
        assertThat(root.getAttribute("failures")).isEqualTo("3");
        assertThat(root.getAttribute("errors")).isEqualTo("2");
        assertThat(root.getAttribute("time")).isEqualTo("2.500");
        NodeList suites = root.getElementsByTagName("testsuite");
        assertThat(suites.getLength()).isEqualTo(2);
        Element b = (Element) suites.item(1);
        assertThat(b.getAttribute("name")).isEqualTo("support/b");
        assertThat(b.getAttribute("tests")).isEqualTo("4");
        assertThat(b.getAttribute("failures")).isEqualTo("2");
        assertThat(b.getAttribute("errors")).isEqualTo("1");
        assertThat(b.getAttribute("skipped")).isEqualTo("0");
        assertThat(b.getElementsByTagName("testcase").getLength()).isEqualTo(4);
        assertThat(b.getElementsByTagName("failure").getLength()).isEqualTo(2);
        assertThat(b.getElementsByTagName("error").getLength()).isEqualTo(1);
        Element first = (Element) ((Element) suites.item(0)).getElementsByTagName("testcase").item(0);
        assertThat(first.getAttribute("classname")).isEqualTo("support.a");
        assertThat(first.getAttribute("name")).isEqualTo("c1");
        assertThat(first.getAttribute("time")).isEqualTo("1.200");
        assertThat(first.getChildNodes().getLength()).isZero();
    }

    @Test
    void a_failure_names_the_scorer_and_shows_expected_got_and_every_reason() throws Exception {
        RunInfo info = Runs.info("support", "a");
        List<CaseResult> results = List.of(result("a", "c2", "refund",
                fail("billing", "expected \"refund\" but got \"billing\"", 800)));
        Element failure = only(write(info, results, Runs.run(info, true, false, results)), "failure");

        assertThat(failure.getAttribute("type")).isEqualTo("equals");
        assertThat(failure.getAttribute("message")).isEqualTo("expected \"refund\" but got \"billing\"");
        assertThat(failure.getTextContent()).isEqualTo("""
                expected: refund
                got: billing
                equals (FAIL): expected "refund" but got "billing"
                json-valid (PASS): parsed
                """);
    }

    @Test
    void an_error_carries_the_error_kind_and_message() throws Exception {
        RunInfo info = Runs.info("support", "a");
        List<CaseResult> results = List.of(result("a", "c3", "billing", error("http_429", "rate limited\nretry later")));
        Element error = only(write(info, results, Runs.run(info, true, false, results)), "error");

        assertThat(error.getAttribute("type")).isEqualTo("http_429");
        assertThat(error.getAttribute("message")).isEqualTo("rate limited retry later");
        assertThat(error.getTextContent()).isEqualTo("rate limited\nretry later\nattempts: 3\n");
    }

    @Test
    void a_cached_case_takes_no_time() throws Exception {
        RunInfo info = Runs.info("support", "a");
        List<CaseResult> results = List.of(result("a", "c1", "billing", Runs.cached("billing")));
        Element testcase = only(write(info, results, Runs.run(info, true, false, results)), "testcase");

        assertThat(testcase.getAttribute("time")).isEqualTo("0.000");
    }

    @Test
    void hostile_text_is_escaped_and_forbidden_control_characters_are_replaced() throws Exception {
        RunInfo info = Runs.info("su\"ite<&>", "a");
        List<CaseResult> results = List.of(result("a", "id \"1\" <x>", HOSTILE, fail(HOSTILE, HOSTILE, 5)));
        Document doc = write(info, results, Runs.run(info, true, false, results));

        String cleaned = HOSTILE.replace('\u0000', '\uFFFD').replace('\u001b', '\uFFFD');
        Element failure = only(doc, "failure");
        assertThat(failure.getTextContent()).contains("expected: " + cleaned + "\ngot: " + cleaned + "\n");
        assertThat(failure.getAttribute("message")).isEqualTo(cleaned);
        assertThat(only(doc, "testcase").getAttribute("name")).isEqualTo("id \"1\" <x>");
        assertThat(doc.getDocumentElement().getAttribute("name")).isEqualTo("su\"ite<&>");
        assertThat(doc.getElementsByTagName("img").getLength()).isZero();
        assertThat(Files.readString(dir.resolve("junit.xml"))).doesNotContain("\u0000", "\u001b", "<img");
    }

    @Test
    void cases_accepted_from_many_threads_all_arrive() throws Exception {
        RunInfo info = Runs.info("support", "a", "b");
        List<CaseResult> results = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            results.add(result(i % 2 == 0 ? "a" : "b", "c" + i, "x", i % 3 == 0 ? fail("y", "no", 5) : pass("x", 5)));
        }
        Path file = dir.resolve("junit.xml");
        try (JUnitXmlReport report = JUnitXmlReport.start(file, info);
             ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<?>> done = results.stream().map(r -> pool.submit(() -> report.accept(r)))
                    .<Future<?>>map(f -> f).toList();
            for (Future<?> f : done) {
                f.get();
            }
            report.finish(Runs.run(info, true, false, results));
        }
        Document doc = parse(file);
        assertThat(doc.getElementsByTagName("testcase").getLength()).isEqualTo(400);
        assertThat(doc.getElementsByTagName("failure").getLength()).isEqualTo(134);
    }

    @Test
    void finishing_leaves_only_the_report_in_the_folder() throws Exception {
        RunInfo info = Runs.info("support", "a", "b");
        List<CaseResult> results = List.of(result("a", "c1", "x", pass("x", 1)), result("b", "c1", "x", pass("x", 1)));
        write(info, results, Runs.run(info, true, false, results));

        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("junit.xml");
        }
    }

    @Test
    void closing_before_finish_deletes_the_temporary_files_and_writes_no_report() throws Exception {
        RunInfo info = Runs.info("support", "a", "b");
        try (JUnitXmlReport report = JUnitXmlReport.start(dir.resolve("junit.xml"), info)) {
            report.accept(result("a", "c1", "x", pass("x", 1)));
            report.accept(result("b", "c1", "x", fail("y", "no", 1)));
            try (Stream<Path> files = Files.list(dir)) {
                assertThat(files).isNotEmpty();
            }
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }

    private Document write(RunInfo info, List<CaseResult> results, RunResult run) throws Exception {
        Path file = dir.resolve("junit.xml");
        try (JUnitXmlReport report = JUnitXmlReport.start(file, info)) {
            results.forEach(report::accept);
            report.finish(run);
        }
        return parse(file);
    }

    private static Document parse(Path file) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    }

    private static Element only(Document doc, String tag) {
        NodeList nodes = doc.getElementsByTagName(tag);
        assertThat(nodes.getLength()).as("<%s> elements", tag).isEqualTo(1);
        return (Element) nodes.item(0);
    }
}
