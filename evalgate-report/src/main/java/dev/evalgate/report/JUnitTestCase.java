package dev.evalgate.report;

import dev.evalgate.run.CaseResult;
import dev.evalgate.run.Sample;
import dev.evalgate.score.Outcome;
import dev.evalgate.score.Score;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.util.Locale;

/**
 * One case result as a JUnit {@code <testcase>} element, with a {@code <failure>} or {@code <error>} child when it
 * did not pass.
 */
final class JUnitTestCase {

    /** Longest output quoted in a failure; the results file keeps the whole text. */
    static final int OUTPUT_SHOWN = 2_000;
    private static final int MESSAGE_SHOWN = 200;

    private JUnitTestCase() {
    }

    /** Writes the element and returns its time in seconds. */
    static double write(XMLStreamWriter xml, String suite, CaseResult r) throws XMLStreamException {
        double seconds = seconds(r.first());
        xml.writeCharacters("    ");
        xml.writeStartElement("testcase");
        xml.writeAttribute("classname", XmlText.clean(suite + "." + r.target()));
        xml.writeAttribute("name", XmlText.clean(r.kase().id()));
        xml.writeAttribute("time", seconds(seconds));
        if (r.outcome() == Outcome.ERROR) {
            writeError(xml, r.first());
        } else if (r.outcome() == Outcome.FAIL) {
            writeFailure(xml, r);
        }
        xml.writeEndElement();
        xml.writeCharacters("\n");
        return seconds;
    }

    private static void writeError(XMLStreamWriter xml, Sample s) throws XMLStreamException {
        String kind;
        String message;
        if (s.error() != null) {
            kind = s.error().kind();
            message = s.error().message();
        } else {
            // every repeat errored in a scorer (a judge call, say) rather than in the target
            Score score = firstNotPassed(s);
            kind = score == null ? "error" : score.scorer();
            message = score == null ? "" : score.reason();
        }
        xml.writeStartElement("error");
        xml.writeAttribute("message", XmlText.clean(Format.line(message, MESSAGE_SHOWN)));
        xml.writeAttribute("type", XmlText.clean(kind));
        xml.writeCharacters(XmlText.clean(message + "\nattempts: " + s.attempts() + "\n"));
        xml.writeEndElement();
    }

    private static void writeFailure(XMLStreamWriter xml, CaseResult r) throws XMLStreamException {
        Sample s = r.samples().stream().filter(x -> x.outcome() == Outcome.FAIL).findFirst()
                .orElseGet(() -> r.samples().stream().filter(x -> x.outcome() != Outcome.PASS).findFirst()
                        .orElse(r.first()));
        Score reason = firstNotPassed(s);
        String type = reason != null ? reason.scorer() : s.error() != null ? s.error().kind() : "repeats";
        String message = reason != null ? reason.reason() : s.error() != null ? s.error().message()
                : "failed " + notPassed(r) + " of " + r.samples().size() + " repeats";
        StringBuilder body = new StringBuilder();
        body.append("expected: ").append(r.kase().expected().primary()).append('\n');
        body.append("got: ").append(got(s)).append('\n');
        for (Score score : s.scores()) {
            body.append(score.scorer()).append(" (").append(score.outcome()).append("): ").append(score.reason())
                    .append('\n');
        }
        if (r.samples().size() > 1) {
            body.append("failed ").append(notPassed(r)).append(" of ").append(r.samples().size()).append(" repeats\n");
        }
        xml.writeStartElement("failure");
        xml.writeAttribute("message", XmlText.clean(Format.line(message, MESSAGE_SHOWN)));
        xml.writeAttribute("type", XmlText.clean(type));
        xml.writeCharacters(XmlText.clean(body.toString()));
        xml.writeEndElement();
    }

    private static String got(Sample s) {
        if (s.output() == null) {
            return s.error() == null ? "(no output)" : "(no output: " + s.error().kind() + ": " + s.error().message() + ")";
        }
        String out = s.output();
        return out.length() <= OUTPUT_SHOWN ? out
                : out.substring(0, OUTPUT_SHOWN) + "… (" + (out.length() - OUTPUT_SHOWN) + " more characters)";
    }

    private static Score firstNotPassed(Sample s) {
        return s.scores().stream().filter(x -> x.outcome() != Outcome.PASS).findFirst().orElse(null);
    }

    private static long notPassed(CaseResult r) {
        return r.samples().stream().filter(x -> x.outcome() != Outcome.PASS).count();
    }

    /** The first call's latency; a cached output made no call, so it took no time. */
    private static double seconds(Sample s) {
        return s.cached() || Double.isNaN(s.latencyMs()) ? 0 : s.latencyMs() / 1000;
    }

    static String seconds(double seconds) {
        return String.format(Locale.ROOT, "%.3f", seconds);
    }
}
