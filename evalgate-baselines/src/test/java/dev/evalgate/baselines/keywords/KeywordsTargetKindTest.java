package dev.evalgate.baselines.keywords;

import dev.evalgate.baselines.SupportRouting;
import dev.evalgate.baselines.majority.MajorityTargetKind;
import dev.evalgate.target.Target;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class KeywordsTargetKindTest {

    @TempDir
    Path cache;

    @Test
    void is_clearly_better_than_the_majority_label() throws Exception {
        double majority;
        try (Target target = new MajorityTargetKind().create(SupportRouting.spec("baseline:majority", "", cache))) {
            majority = SupportRouting.accuracy("majority", target);
        }
        try (Target target = new KeywordsTargetKind().create(SupportRouting.spec("baseline:keywords", "", cache))) {
            assertThat(SupportRouting.accuracy("keywords", target)).isGreaterThan(majority + 0.25);
        }
    }

    @Test
    void rules_read_as_one_line_per_label_with_weights() {
        KeywordsTargetKind.KeywordsTarget target = new KeywordsTargetKind()
                .create(SupportRouting.spec("baseline:keywords", "keywords: 3\n", cache));
        String[] lines = target.rules().split("\n");
        assertThat(lines).hasSize(8);
        assertThat(lines).allMatch(line -> line.matches("[a-z_]+: [a-z0-9]+ \\(\\d+\\.\\d\\d\\)(, [a-z0-9]+ \\(\\d+\\.\\d\\d\\)){2}"));
        assertThat(lines[0]).startsWith("account_access: ");
        assertThat(target.rules()).containsPattern("refund: .*\\brefund\\b");
    }

    @Test
    void print_rules_writes_the_rules_to_stderr() {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        KeywordsTargetKind.KeywordsTarget target;
        try {
            target = new KeywordsTargetKind().create(SupportRouting.spec("baseline:keywords", "print_rules: true\n", cache));
        } finally {
            System.setErr(original);
        }
        String err = captured.toString(StandardCharsets.UTF_8);
        assertThat(err).startsWith("t: trained baseline:keywords on 416 cases in ");
        assertThat(err).contains(target.rules());
    }

    @Test
    void a_text_without_any_keyword_gets_the_majority_label() {
        KeywordsTargetKind.KeywordsTarget target = new KeywordsTargetKind()
                .create(SupportRouting.spec("baseline:keywords", "", cache));
        assertThat(target.predict("zzz qqq")).isEqualTo("account_access");
    }
}
