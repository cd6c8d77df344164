package dev.evalgate.judge;

import dev.evalgate.suite.TargetConfig;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
/**
 * One configured use of a judge: which model grades (a target declared under {@code judges:}), what it is asked,
 * how many votes it casts and, optionally, the score at which a vote passes.
 *
 * @param votes  judge calls per output, at least 1; the majority decides
 * @param passAt when set, a vote passes when its score reaches it and the judge's own pass/fail is not used
 * @param definition the judge's entry under {@code judges:} as written in the suite file, {@code ${VAR}} references
 *                   unresolved; null when unknown, and the fingerprint then uses the target's masked spec
 */
public record JudgeSettings(TargetConfig target, JudgePrompt prompt, int votes, Double passAt, String definition) {

    public JudgeSettings {
        if (votes < 1) {
            throw new IllegalArgumentException("a judge casts at least one vote");
        }
    }

    /** Settings whose fingerprint goes by the judge target's masked spec. */
    public JudgeSettings(TargetConfig target, JudgePrompt prompt, int votes, Double passAt) {
        this(target, prompt, votes, passAt, null);
    }

    /** The judge's id under {@code judges:}. */
    public String judgeId() {
        return target.id();
    }

    /**
     * A hash of everything that decides the judge's verdicts: the model and its settings as written (references
     * to the environment, never their values), the mode, the instructions, template and rubric, the votes and the threshold.
     * A calibration measured under one fingerprint does not apply under another.
     */
    public String fingerprint() {
        // the definition as written, not the resolved settings: a calibration kept in git must still match on a
        // machine with another API key or another path to java, so ${VAR} references count, not their values
        String text = (definition != null ? definition : target.spec()) + "\u0000" + prompt.mode().id() + "\u0000" + prompt.source()
                + "\u0000" + votes + "\u0000" + passAt;
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint a judge", e);
        }
    }
}
