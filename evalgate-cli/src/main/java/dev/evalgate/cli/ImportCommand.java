package dev.evalgate.cli;

import picocli.CommandLine.Command;

/** {@code evalgate import}: turns another tool's eval config into an evalgate suite. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Write an evalgate suite from another tool's eval config.",
        subcommands = {ImportPromptfooCommand.class})
final class ImportCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                "name the tool whose config to import, e.g. 'evalgate import promptfoo promptfooconfig.yaml'");
    }
}
