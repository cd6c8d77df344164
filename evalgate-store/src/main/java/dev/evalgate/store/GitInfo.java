package dev.evalgate.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The git state a run was made from: commit, branch and whether tracked files had uncommitted changes.
 *
 * @param commit the full commit hash; null outside a repository or before the first commit
 * @param branch the checked-out branch; null when detached (as in many CI checkouts) or outside a repository
 * @param dirty  true when tracked files differ from the commit; null when unknown
 */
public record GitInfo(String commit, String branch, Boolean dirty) {

    private static final long TIMEOUT_SECONDS = 10;

    /** Nothing known: not a repository, or git is not installed. */
    public static GitInfo unknown() {
        return new GitInfo(null, null, null);
    }

    /** The git state of the repository holding {@code dir}; {@link #unknown()} parts where git cannot tell. */
    public static GitInfo detect(Path dir) {
        String commit = git(dir, "rev-parse", "--verify", "-q", "HEAD");
        String branch = git(dir, "symbolic-ref", "--short", "-q", "HEAD");
        // Untracked files are ignored: the store file itself and other tool output would make every run dirty.
        String status = git(dir, "status", "--porcelain", "--untracked-files=no");
        return new GitInfo(commit, branch, status == null ? null : !status.isEmpty());
    }

    /** The trimmed output of {@code git -C dir args...}, or null when git fails or is missing. */
    private static String git(Path dir, String... args) {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            process.getOutputStream().close();
            String out;
            try (InputStream in = process.getInputStream()) {
                out = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
            }
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return null;
            }
            return process.exitValue() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
