package dev.evalgate.report;

import dev.evalgate.error.EvalgateException;
import dev.evalgate.files.AtomicFile;
import dev.evalgate.files.TempFiles;
import dev.evalgate.metric.TargetMetrics;
import dev.evalgate.run.CaseResult;
import dev.evalgate.run.ResultSink;
import dev.evalgate.run.RunInfo;
import dev.evalgate.run.RunResult;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A JUnit XML report of a run, one {@code <testsuite>} per target and one {@code <testcase>} per case, for CI
 * servers that show test results.
 *
 * <p>Test cases stream to one temporary file per target beside the output, so memory does not grow with the run;
 * {@link #finish} writes the suites with their counts around them and moves the file into place in one step.
 * {@link #close} before {@code finish} deletes the temporary files.
 */
public final class JUnitXmlReport implements ResultSink {

    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    private final Path file;
    private final Path dir;
    private final String suite;
    private final Map<String, Spool> spools = new LinkedHashMap<>();
    private boolean done;

    private JUnitXmlReport(Path file, Path dir, String suite) {
        this.file = file;
        this.dir = dir;
        this.suite = suite;
    }

    /** Prepares a report at {@code file} for the run described by {@code info}; nothing is written yet. */
    public static JUnitXmlReport start(Path file, RunInfo info) {
        Path dir = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw cannotWrite(file, e);
        }
        return new JUnitXmlReport(file, dir, info.suite());
    }

    @Override
    public synchronized void accept(CaseResult r) {
        if (done) {
            throw new IllegalStateException("JUnit XML report " + file + " is already finished or closed");
        }
        try {
            Spool spool = spools.get(r.target());
            if (spool == null) {
                spool = Spool.open(dir, file);
                spools.put(r.target(), spool);
            }
            spool.seconds += JUnitTestCase.write(spool.xml, suite, r);
        } catch (IOException | XMLStreamException e) {
            throw cannotWrite(file, e);
        }
    }

    /** Writes the suites around the spooled test cases, with counts from the run's metrics, and moves it into place. */
    public synchronized void finish(RunResult result) {
        if (done) {
            throw new IllegalStateException("JUnit XML report " + file + " is already finished or closed");
        }
        try (AtomicFile partial = AtomicFile.open(file)) {
            for (Spool spool : spools.values()) {
                spool.close();
            }
            try (OutputStream out = new BufferedOutputStream(partial.stream())) {
                assemble(result, out);
            }
            partial.commit();
        } catch (IOException | XMLStreamException e) {
            throw cannotWrite(file, e);
        } finally {
            done = true;
            spools.values().forEach(s -> TempFiles.delete(s.path));
        }
    }

    private void assemble(RunResult result, OutputStream out) throws XMLStreamException, IOException {
        XMLStreamWriter xml = XML.createXMLStreamWriter(out, "UTF-8");
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeCharacters("\n");
        xml.writeStartElement("testsuites");
        xml.writeAttribute("name", XmlText.clean(suite));
        xml.writeAttribute("tests", Long.toString(result.metrics().stream().mapToLong(TargetMetrics::cases).sum()));
        xml.writeAttribute("failures", Long.toString(result.metrics().stream().mapToLong(TargetMetrics::failed).sum()));
        xml.writeAttribute("errors", Long.toString(result.metrics().stream().mapToLong(TargetMetrics::errored).sum()));
        xml.writeAttribute("time", JUnitTestCase.seconds(result.elapsed().toNanos() / 1e9));
        xml.writeCharacters("\n");
        for (TargetMetrics m : result.metrics()) {
            Spool spool = spools.get(m.targetId());
            xml.writeCharacters("  ");
            xml.writeStartElement("testsuite");
            xml.writeAttribute("name", XmlText.clean(suite + "/" + m.targetId()));
            xml.writeAttribute("tests", Long.toString(m.cases()));
            xml.writeAttribute("failures", Long.toString(m.failed()));
            xml.writeAttribute("errors", Long.toString(m.errored()));
            xml.writeAttribute("skipped", "0");
            xml.writeAttribute("time", JUnitTestCase.seconds(spool == null ? 0 : spool.seconds));
            xml.writeCharacters("\n"); // closes the start tag, so the spooled elements land inside it
            if (spool != null) {
                xml.flush();
                Files.copy(spool.path, out);
            }
            xml.writeCharacters("  ");
            xml.writeEndElement();
            xml.writeCharacters("\n");
        }
        xml.writeEndElement();
        xml.writeCharacters("\n");
        xml.writeEndDocument();
        xml.close();
    }

    /** Deletes the temporary files unless {@link #finish} already moved the report into place. */
    @Override
    public synchronized void close() {
        if (done) {
            return;
        }
        done = true;
        for (Spool spool : spools.values()) {
            try {
                spool.close();
            } catch (IOException | XMLStreamException ignored) {
                // the file is deleted next either way
            }
            TempFiles.delete(spool.path);
        }
    }

    private static EvalgateException cannotWrite(Path file, Exception e) {
        return new EvalgateException("cannot write JUnit XML report " + file + ": " + e.getMessage()
                + ". Check that the folder is writable, or choose another path for the report.", e);
    }

    /** The test cases of one target so far, as a fragment of XML in a temporary file. */
    private static final class Spool {
        final Path path;
        final OutputStream out;
        final XMLStreamWriter xml;
        double seconds;

        private Spool(Path path, OutputStream out, XMLStreamWriter xml) {
            this.path = path;
            this.out = out;
            this.xml = xml;
        }

        static Spool open(Path dir, Path file) throws IOException, XMLStreamException {
            Path path = TempFiles.create(dir.resolve(file.getFileName() + ".spool"));
            OutputStream out = new BufferedOutputStream(Files.newOutputStream(path));
            return new Spool(path, out, XML.createXMLStreamWriter(out, "UTF-8"));
        }

        void close() throws IOException, XMLStreamException {
            try {
                xml.flush();
                xml.close();
            } finally {
                out.close();
            }
        }
    }
}
