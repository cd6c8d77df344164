package dev.evalgate.store;

import dev.evalgate.run.Sample;

import java.util.List;
import java.util.Map;

/**
 * One stored sample: a target's answer to one repeat of one case, with the case as it was run.
 *
 * @param expected the case's accepted answers as text
 * @param cached   true when the output was reused rather than produced by a call in this run
 */
public record StoredCaseResult(String target, String caseId, String input, List<String> expected,
                               Map<String, String> tags, Sample sample, boolean cached) {

    public StoredCaseResult {
        expected = List.copyOf(expected);
        tags = Map.copyOf(tags);
    }

    public int repeat() {
        return sample.repeat();
    }
}
