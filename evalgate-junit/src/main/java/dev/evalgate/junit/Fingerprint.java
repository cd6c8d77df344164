package dev.evalgate.junit;

import dev.evalgate.dataset.Case;
import dev.evalgate.error.EvalgateException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The SHA-256 of a dataset, so a baseline comparison can tell when the cases changed under the same ids.
 *
 * <p>A file hashes as the CLI hashes it (its bytes), so a baseline written by {@code evalgate run} matches; an
 * in-memory list hashes its ids, inputs and expected answers, which is what a comparison depends on.
 */
final class Fingerprint {

    private Fingerprint() {
    }

    static String ofFile(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = sha256();
            byte[] buffer = new byte[1 << 16];
            int read;
            while ((read = in.read(buffer)) > 0) {
                digest.update(buffer, 0, read);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException e) {
            throw new EvalgateException("cannot read dataset " + file + ": " + e.getMessage()
                    + ". Check the path given to Evaluation.dataset(path).", e);
        }
    }

    static String ofCases(List<Case> cases) {
        MessageDigest digest = sha256();
        for (Case c : cases) {
            // a separator no text contains keeps "ab"+"c" apart from "a"+"bc"
            String line = c.id() + '\u0000' + c.vars() + '\u0000' + c.expected().answers() + '\n';
            digest.update(line.getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
