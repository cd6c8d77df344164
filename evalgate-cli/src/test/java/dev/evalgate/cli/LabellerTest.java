package dev.evalgate.cli;

import dev.evalgate.calibration.Label;
import dev.evalgate.calibration.LabelItem;
import dev.evalgate.calibration.LabelsFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LabellerTest {

    @TempDir
    Path dir;

    /** Twelve outputs: the judge passed c00–c08 and failed c09–c11; c12 has a judge error. */
    private final List<LabelItem> items = items();

    @Test
    void each_answer_is_saved_at_once_with_its_note_and_quit_keeps_them() {
        Path file = dir.resolve("labels/tone.jsonl");
        StringWriter screen = new StringWriter();
        Labeller.Session session = labeller(file, "p\nf  too curt, no greeting\nq\n", screen).label(items, 5, 100);
        assertThat(session).isEqualTo(new Labeller.Session(2, 0, 10));
        List<Label> labels = LabelsFile.read(file);
        assertThat(labels).extracting(Label::pass).containsExactly(true, false);
        assertThat(labels.get(1).note()).isEqualTo("too curt, no greeting");
        assertThat(screen.toString()).contains("12 outputs to label (0 already in " + file + "); 1 with a judge"
                + " error are not offered.").contains("judge:    ").contains("Labelled 2, skipped 0, 10 left");
    }

    @Test
    void a_second_session_resumes_with_the_outputs_not_yet_labelled() {
        Path file = dir.resolve("tone.jsonl");
        labeller(file, "p\np\np\n", new StringWriter()).label(items, 5, 3);
        StringWriter screen = new StringWriter();
        labeller(file, "f\n", screen).label(items, 5, 1);
        List<Label> labels = LabelsFile.read(file);
        assertThat(labels).hasSize(4);
        assertThat(labels.stream().map(Label::caseId).distinct()).hasSize(4);
        assertThat(screen.toString()).contains("9 outputs to label (3 already in ");
    }

    @Test
    void the_first_outputs_offered_alternate_between_the_judges_verdicts() {
        StringWriter screen = new StringWriter();
        labeller(dir.resolve("l.jsonl"), "s\ns\ns\ns\nq\n", screen).label(items, 9, 100);
        List<String> verdicts = new ArrayList<>();
        for (String line : screen.toString().split("\n")) {
            if (line.startsWith("  judge:")) {
                verdicts.add(line.contains("PASS") ? "P" : "F");
            }
        }
        assertThat(verdicts).containsExactly("F", "P", "F", "P", "F"); // four skipped, the fifth shown when quitting
    }

    @Test
    void a_word_that_is_not_a_key_is_explained_and_asked_again_and_end_of_input_ends_the_session() {
        Path file = dir.resolve("l.jsonl");
        StringWriter screen = new StringWriter();
        Labeller.Session session = labeller(file, "yes\npass\n\nf\n", screen).label(items, 1, 100);
        assertThat(session.labelled()).isEqualTo(1);
        assertThat(screen.toString()).contains("'yes' is not a verdict: p = pass, f = fail")
                .contains("'pass' is not a verdict");
        assertThat(LabelsFile.read(file)).singleElement().extracting(Label::pass).isEqualTo(false);
    }

    private static Labeller labeller(Path file, String input, StringWriter screen) {
        return new Labeller(file, new BufferedReader(new StringReader(input)), new PrintWriter(screen, true));
    }

    private static List<LabelItem> items() {
        List<LabelItem> out = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            Boolean pass = i < 9 ? Boolean.TRUE : i < 12 ? Boolean.FALSE : null;
            out.add(new LabelItem("bot", String.format("c%02d", i), "question " + i, null, "answer " + i, pass,
                    pass == null ? "judge error: reply was not JSON" : "because " + i));
        }
        return out;
    }
}
