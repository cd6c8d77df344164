package dev.evalgate.cli;

import picocli.CommandLine.Command;

/** {@code evalgate judge}: the commands about a suite's model judges themselves rather than its candidates. */
@Command(name = "judge", mixinStandardHelpOptions = true,
        description = "Measure a suite's model judge against human labels.",
        subcommands = {CalibrateCommand.class})
final class JudgeCommand {
}
