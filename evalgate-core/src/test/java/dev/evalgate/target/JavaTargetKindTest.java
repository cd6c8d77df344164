package dev.evalgate.target;

import dev.evalgate.config.Interpolator;
import dev.evalgate.config.Options;
import dev.evalgate.config.YamlTree;
import dev.evalgate.dataset.Case;
import dev.evalgate.dataset.Expected;
import dev.evalgate.error.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JavaTargetKindTest {

    private static final Request REQUEST = new Request(Case.of("c1", "world", Expected.none()), null, 0);

    @TempDir
    Path dir;

    /** A user's target that is configured through the {@code options:} mapping. */
    public static final class Greeter implements Target {
        private final Map<String, String> options;

        public Greeter(Map<String, String> options) {
            this.options = options;
        }

        @Override
        public Reply call(Request request) {
            return Reply.of(options.getOrDefault("greeting", "?") + ", " + request.userText()
                    + options.getOrDefault("suffix", "?"));
        }
    }

    /** A user's target that needs no configuration. */
    public static final class Plain implements Target {
        public Plain() {
        }

        @Override
        public Reply call(Request request) {
            return Reply.of("plain " + request.userText());
        }
    }

    /** A target that declares its answers safe to cache. */
    public static final class Pure implements Target {
        public Pure() {
        }

        @Override
        public Reply call(Request request) {
            return Reply.of("pure " + request.userText());
        }

        @Override
        public boolean cacheable() {
            return true;
        }
    }

    /** A class that looks like a target but is not one. */
    public static final class NotATarget {
        public NotATarget() {
        }
    }

    /** A target whose constructor wants something the kind cannot give. */
    public static final class NeedsAPort implements Target {
        public NeedsAPort(int port) {
        }

        @Override
        public Reply call(Request request) {
            return Reply.of("");
        }
    }

    private Target create(String yaml) {
        Options options = Options.of(YamlTree.parse("evalgate.yaml", yaml, Interpolator.of(Map.of())));
        return new JavaTargetKind().create(new TargetSpec("mine", "java", options, dir));
    }

    @Test
    void its_id_is_java() {
        assertThat(new JavaTargetKind().id()).isEqualTo("java");
    }

    @Test
    void a_class_with_a_map_constructor_receives_the_options() throws Exception {
        Target target = create("""
                class: dev.evalgate.target.JavaTargetKindTest$Greeter
                options: { greeting: Hello, suffix: "!" }
                """);

        assertThat(target.call(REQUEST).text()).isEqualTo("Hello, world!");
    }

    @Test
    void an_option_left_empty_is_passed_as_empty_text() throws Exception {
        Target target = create("""
                class: dev.evalgate.target.JavaTargetKindTest$Greeter
                options:
                  greeting: Hi
                  suffix:
                """);

        assertThat(target.call(REQUEST).text()).isEqualTo("Hi, world");
    }

    @Test
    void a_class_with_a_no_argument_constructor_is_created_without_options() throws Exception {
        Target target = create("class: dev.evalgate.target.JavaTargetKindTest$Plain\n");

        assertThat(target.call(REQUEST).text()).isEqualTo("plain world");
    }

    @Test
    void a_class_that_does_not_decide_is_kept_out_of_the_response_cache() throws Exception {
        Target target = create("class: dev.evalgate.target.JavaTargetKindTest$Plain\n");

        assertThat(target.cacheable()).isFalse();
        assertThat(target.call(REQUEST).text()).isEqualTo("plain world");
    }

    @Test
    void a_class_that_declares_itself_cacheable_is_cached() {
        assertThat(create("class: dev.evalgate.target.JavaTargetKindTest$Pure\n").cacheable()).isTrue();
    }

    @Test
    void a_missing_class_says_how_to_add_its_jar() {
        assertThatThrownBy(() -> create("class: com.example.NoSuchTarget\n")).isInstanceOf(ConfigException.class)
                .hasMessage("evalgate.yaml:1: key 'class' names class 'com.example.NoSuchTarget', which is not on the"
                        + " class path; add the jar or classes directory that holds it, e.g. 'jar: path/to/lib.jar'"
                        + " or 'jar: [target/classes, target/test-classes]'");
    }

    @Test
    void a_class_that_is_not_a_target_is_rejected() {
        assertThatThrownBy(() -> create("class: dev.evalgate.target.JavaTargetKindTest$NotATarget\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("evalgate.yaml:1: key 'class' names class"
                        + " 'dev.evalgate.target.JavaTargetKindTest$NotATarget',"
                        + " which does not implement dev.evalgate.target.Target");
    }

    @Test
    void a_class_without_a_usable_constructor_is_rejected() {
        assertThatThrownBy(() -> create("class: dev.evalgate.target.JavaTargetKindTest$NeedsAPort\n"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("evalgate.yaml:1: key 'class' names class"
                        + " 'dev.evalgate.target.JavaTargetKindTest$NeedsAPort',"
                        + " which has no public constructor taking Map<String, String> or nothing");
    }

    @Test
    void the_class_key_is_required() {
        assertThatThrownBy(() -> create("jar: lib.jar\n")).isInstanceOf(ConfigException.class)
                .hasMessage("evalgate.yaml:1: key 'class' is required: the fully qualified name of a class"
                        + " implementing dev.evalgate.target.Target");
    }

    @Test
    void a_jar_that_does_not_exist_names_the_resolved_path() {
        assertThatThrownBy(() -> create("""
                class: com.example.Mine
                jar: build/mine.jar
                """)).isInstanceOf(ConfigException.class)
                .hasMessage("evalgate.yaml:2: key 'jar' names 'build/mine.jar', but " + dir.resolve("build/mine.jar")
                        + " does not exist. Each entry is a jar or a directory of classes, relative to the suite"
                        + " file: build it first (for target/classes and target/test-classes run 'mvn test-compile'),"
                        + " or fix the path.");
    }

    @Test
    void loads_a_class_from_a_directory_of_compiled_classes() throws Exception {
        Path sources = Files.createDirectories(dir.resolve("src/ext"));
        Files.writeString(sources.resolve("Echo.java"), """
                package ext;
                public class Echo implements dev.evalgate.target.Target {
                    public dev.evalgate.target.Reply call(dev.evalgate.target.Request request) {
                        return dev.evalgate.target.Reply.of("echo " + request.userText());
                    }
                }
                """);
        Path classes = Files.createDirectories(dir.resolve("target/classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int status = javac.run(null, null, null, "-d", classes.toString(), "-cp", System.getProperty("java.class.path"),
                sources.resolve("Echo.java").toString());
        assertThat(status).isZero();

        Target target = create("""
                class: ext.Echo
                jar: [target/classes]
                """);

        assertThat(target.call(REQUEST).text()).isEqualTo("echo world");
    }

    @Test
    void a_class_missing_from_the_named_directories_says_where_it_looked() throws Exception {
        Files.createDirectories(dir.resolve("target/classes"));

        assertThatThrownBy(() -> create("""
                class: ext.Missing
                jar: [target/classes]
                """)).isInstanceOf(ConfigException.class)
                .hasMessage("evalgate.yaml:1: key 'class' names class 'ext.Missing', which is not on the class path"
                        + " nor in [target/classes]; check the class name and that the jar or directory holds it");
    }
}
