package dev.evalgate.baselines;

import dev.evalgate.config.Interpolator;
import dev.evalgate.config.Options;
import dev.evalgate.config.YamlTree;
import dev.evalgate.error.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrainingSetTest {

    @TempDir
    Path dir;

    private static Options options(String yaml) {
        return Options.of(YamlTree.parse("evalgate.yaml", yaml, Interpolator.of(Map.of())));
    }

    private void write(String name, String content) throws IOException {
        Files.writeString(dir.resolve(name), content);
    }

    @Test
    void reads_texts_and_labels_from_the_example() {
        TrainingSet set = TrainingSet.load(options("train: data/train.jsonl\n"), SupportRouting.SUITE);
        assertThat(set.size()).isEqualTo(416);
        assertThat(set.texts().getFirst()).isEqualTo("app not compatible with my phone?");
        assertThat(set.labels().getFirst()).isEqualTo("technical_issue");
        assertThat(set.distinctLabels()).hasSize(8);
        assertThat(set.sha256()).hasSize(64);
    }

    @Test
    void a_missing_train_file_names_the_key_the_path_and_the_fix() {
        Path expected = SupportRouting.SUITE.resolve("data/nope.jsonl");
        assertThatThrownBy(() -> TrainingSet.load(options("id: x\ntrain: data/nope.jsonl\n"), SupportRouting.SUITE))
                .isInstanceOf(ConfigException.class)
                .hasMessage("evalgate.yaml:2: key 'train' names 'data/nope.jsonl', but " + expected
                        + " does not exist. Point 'train:' at a .jsonl, .csv or .yaml file of labelled cases,"
                        + " relative to the suite folder.");
    }

    @Test
    void a_target_without_train_says_what_to_add() {
        assertThatThrownBy(() -> TrainingSet.load(options("id: x\n"), dir))
                .isInstanceOf(ConfigException.class)
                .hasMessage("evalgate.yaml:1: key 'train' is required: the labelled cases to learn from, "
                        + "e.g. train: data/train.jsonl (relative to the suite folder).");
    }

    @Test
    void a_case_without_a_label_is_named() throws IOException {
        write("t.jsonl", "{\"id\": \"a\", \"input\": \"x\", \"expected\": \"one\"}\n{\"id\": \"b\", \"input\": \"y\"}\n");
        assertThatThrownBy(() -> TrainingSet.load(options("train: t.jsonl\n"), dir))
                .isInstanceOf(ConfigException.class)
                .hasMessageEndingWith("training case 'b' has no expected label. Every case in a 'train:' file "
                        + "needs one, e.g. \"expected\": \"billing\".")
                .hasMessageContaining("t.jsonl:2");
    }

    @Test
    void a_single_label_cannot_be_learned() throws IOException {
        write("t.csv", "input,expected\nhello,greeting\nhi,greeting\n");
        assertThatThrownBy(() -> TrainingSet.load(options("train: t.csv\n"), dir))
                .isInstanceOf(ConfigException.class)
                .hasMessage("evalgate.yaml:1: key 'train' names 't.csv', which holds 2 cases but only the label "
                        + "'greeting'. A classifier needs cases of at least two labels to learn from.");
    }

    @Test
    void the_text_option_renders_a_template_over_the_case() throws IOException {
        write("t.jsonl", "{\"input\": {\"subject\": \"Refund\", \"body\": \"money back\"}, \"expected\": \"refund\"}\n"
                + "{\"input\": {\"subject\": \"Where\", \"body\": \"parcel late\"}, \"expected\": \"shipping\"}\n");
        TrainingSet plain = TrainingSet.load(options("train: t.jsonl\n"), dir);
        TrainingSet templated = TrainingSet.load(options("train: t.jsonl\ntext: \"{{subject}}: {{body}}\"\n"), dir);
        assertThat(templated.texts()).containsExactly("Refund: money back", "Where: parcel late");
        assertThat(templated.sha256()).isNotEqualTo(plain.sha256());
    }

    @Test
    void a_template_field_missing_from_a_training_case_is_a_config_error() throws IOException {
        write("t.jsonl", "{\"id\": \"a\", \"input\": \"x\", \"expected\": \"one\"}\n");
        assertThatThrownBy(() -> TrainingSet.load(options("train: t.jsonl\ntext: \"{{subject}}\"\n"), dir))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("the 'text' template cannot be filled for training case 'a'")
                .hasMessageContaining("has no field 'subject'");
    }

    @Test
    void reads_the_columns_a_mapping_names_and_hashes_them_into_the_model_identity() throws IOException {
        write("t.csv", "text,category,input\nmy card has not arrived,card_arrival,x\ncan I get a refund,refund,y\n");
        TrainingSet set = TrainingSet.load(options("train: { path: t.csv, input: text, expected: category }\n"), dir);
        TrainingSet other = TrainingSet.load(options("train: { path: t.csv, expected: category }\n"), dir);

        assertThat(set.texts()).containsExactly("my card has not arrived", "can I get a refund");
        assertThat(set.labels()).containsExactly("card_arrival", "refund");
        assertThat(set.file()).isEqualTo(dir.resolve("t.csv"));
        assertThat(other.texts()).containsExactly("x", "y");
        assertThat(other.sha256()).isNotEqualTo(set.sha256());
    }

    @Test
    void an_unknown_key_in_the_train_mapping_is_reported() throws IOException {
        write("t.csv", "text,category\na,one\nb,two\n");
        assertThatThrownBy(() -> TrainingSet.load(options("train: { path: t.csv, inptu: text }\n"), dir))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("evalgate.yaml:1: unknown key 'train.inptu'. Did you mean 'input'?");
    }
}
