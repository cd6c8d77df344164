package dev.evalgate.targets.command;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How to start one worker process of a {@code command} target.
 *
 * @param command        program and arguments, never passed through a shell
 * @param startupTimeout longest wait for a new worker's first answer
 */
record WorkerCommand(String targetId, List<String> command, Path cwd, Map<String, String> env,
                     Duration startupTimeout) {

    WorkerCommand {
        command = List.copyOf(command);
        env = Map.copyOf(env);
    }

    /** The command as shown in messages: {@code [python3, worker.py]}. */
    String shown() {
        return command.toString();
    }

    ProcessBuilder processBuilder() {
        ProcessBuilder builder = new ProcessBuilder(command).directory(cwd.toFile());
        builder.environment().putAll(env);
        return builder;
    }
}
