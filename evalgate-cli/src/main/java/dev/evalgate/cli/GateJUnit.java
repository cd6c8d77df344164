package dev.evalgate.cli;

import dev.evalgate.gate.GateCheck;
import dev.evalgate.gate.GateReport;
import dev.evalgate.gate.Verdict;

/**
 * A gate report as JUnit XML, one test case per check, so CI test-report views show the gate: FAIL is a failure,
 * INCONCLUSIVE a failure when the gate says {@code inconclusive: fail} and skipped otherwise.
 */
final class GateJUnit {

    private GateJUnit() {
    }

    static String of(String suite, GateReport report, boolean inconclusiveFails) {
        long failures = report.checks().stream().filter(c -> fails(c, inconclusiveFails)).count();
        long skipped = report.checks().stream()
                .filter(c -> c.verdict() == Verdict.INCONCLUSIVE && !inconclusiveFails).count();
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<testsuite name=\"").append(escape("evalgate gate " + suite)).append("\" tests=\"")
                .append(report.checks().size()).append("\" failures=\"").append(failures).append("\" skipped=\"")
                .append(skipped).append("\" errors=\"0\">\n");
        for (GateCheck check : report.checks()) {
            xml.append("  <testcase classname=\"").append(escape(check.scope())).append("\" name=\"")
                    .append(escape(check.measure())).append('"');
            if (fails(check, inconclusiveFails)) {
                xml.append(">\n    <failure message=\"").append(escape(check.message())).append("\" type=\"")
                        .append(check.verdict()).append("\"/>\n  </testcase>\n");
            } else if (check.verdict() == Verdict.INCONCLUSIVE) {
                xml.append(">\n    <skipped message=\"").append(escape(check.message())).append("\"/>\n  </testcase>\n");
            } else {
                xml.append("/>\n");
            }
        }
        return xml.append("</testsuite>\n").toString();
    }

    private static boolean fails(GateCheck check, boolean inconclusiveFails) {
        return check.verdict() == Verdict.FAIL || (check.verdict() == Verdict.INCONCLUSIVE && inconclusiveFails);
    }

    /** Text safe in an XML attribute; characters XML 1.0 cannot hold become U+FFFD. */
    private static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\n' -> sb.append("&#10;");
                default -> sb.append(c < 0x20 && c != '\t' && c != '\r' ? '\uFFFD' : c);
            }
        }
        return sb.toString();
    }
}
