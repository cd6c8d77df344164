package dev.evalgate.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalgate.dataset.Case;
import dev.evalgate.dataset.CaseReader;
import dev.evalgate.dataset.Dataset;
import dev.evalgate.dataset.DatasetFiles;
import dev.evalgate.dataset.Expected;
import dev.evalgate.error.ConfigException;
import dev.evalgate.files.AtomicFile;
import dev.evalgate.prompt.PromptTemplate;
import dev.evalgate.target.RenderedPrompt;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code evalgate export}: writes a dataset as chat fine-tuning examples, each case's prompt answered by its
 * expected answer; a case with turns or expected tool calls as its whole conversation (see {@link ToolExample}).
 */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write a dataset as fine-tuning examples: the suite's prompt per case, answered by 'expected'.")
final class ExportCommand implements Callable<Integer> {

    static final List<String> FORMATS = List.of("openai-chat");

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DATA", description = "A .jsonl, .csv or .yaml dataset file")
    Path data;

    @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "Accepted: openai-chat")
    String format;

    @Option(names = "--config", defaultValue = "evalgate.yaml", paramLabel = "SUITE",
            description = "The suite whose prompt and vars render each case; default ${DEFAULT-VALUE}")
    Path config;

    @Option(names = "--target", paramLabel = "ID", description = "Use this target's own prompt, if it has one")
    String target;

    @Option(names = "--out", paramLabel = "FILE", description = "Default: <data name>.openai-chat.jsonl beside DATA")
    Path out;

    @Mixin
    DatasetColumns columns;

    @Override
    public Integer call() throws IOException {
        if (!FORMATS.contains(format)) {
            throw new ConfigException("--format '" + format + "' is not supported; accepted formats: "
                    + String.join(", ", FORMATS) + ".");
        }
        ExportPrompt prompt = ExportPrompt.read(config, target);
        Dataset dataset = DatasetFiles.open(data, columns.names(data, config));
        Path file = out != null ? out
                : data.toAbsolutePath().resolveSibling(SplitCommand.baseName(data) + "." + format + ".jsonl");
        try (AtomicFile partial = AtomicFile.open(file)) {
            int written = write(dataset, prompt, partial);
            ChatExampleCheck.check(partial.temp(), file.toString(), dataset);
            partial.commit();
            spec.commandLine().getOut().println("Wrote " + written + " " + format + " examples to " + file);
            return ExitCode.OK;
        }
    }

    private static int write(Dataset dataset, ExportPrompt prompt, AtomicFile file) throws IOException {
        int count = 0;
        try (CaseReader cases = dataset.open();
             Writer writer = file.writer()) {
            while (cases.hasNext()) {
                writer.write(CaseJson.MAPPER.writeValueAsString(example(cases.next(), prompt)));
                writer.write('\n');
                count++;
            }
        }
        return count;
    }

    private static ObjectNode example(Case kase, ExportPrompt prompt) {
        if (kase.expected() instanceof Expected.None) {
            throw new ConfigException(kase.source() + ": case " + kase.id() + " has no 'expected', but a training"
                    + " example needs the answer the assistant should give. Add 'expected' to the case, or leave the"
                    + " case out of the exported file.");
        }
        RenderedPrompt rendered = render(kase, prompt);
        if (ToolExample.applies(kase)) {
            return ToolExample.of(kase, rendered, prompt.tools());
        }
        ObjectNode example = CaseJson.MAPPER.createObjectNode();
        ArrayNode messages = example.putArray("messages");
        if (rendered.system() != null) {
            messages.addObject().put("role", "system").put("content", rendered.system());
        }
        messages.addObject().put("role", "user").put("content", rendered.user());
        messages.addObject().put("role", "assistant").put("content", kase.expected().primary());
        return example;
    }

    private static RenderedPrompt render(Case kase, ExportPrompt prompt) {
        if (prompt.prompt() == null) {
            return new RenderedPrompt(null, kase.input()); // no prompt anywhere: the target would get the input
        }
        try {
            return prompt.prompt().render(kase, prompt.vars());
        } catch (PromptTemplate.PromptException e) {
            throw new ConfigException(e.getMessage());
        }
    }
}
