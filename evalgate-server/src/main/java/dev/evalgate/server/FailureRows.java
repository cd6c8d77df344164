package dev.evalgate.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.evalgate.score.Score;
import dev.evalgate.store.RunRecords;
import dev.evalgate.store.StoredCaseResult;

import java.util.List;

/**
 * A stored sample that failed or errored as a failure row of the run view — built by the report's
 * {@link dev.evalgate.report.html.FailureRows#row}, so paged rows and a report's rows read alike — plus the
 * sample's repeat and the scorers' reasons, which say in the user's words why it failed.
 */
final class FailureRows {

    private FailureRows() {
    }

    static ObjectNode json(StoredCaseResult sample) {
        ObjectNode row = dev.evalgate.report.html.FailureRows.row(sample.target(),
                RunRecords.fold(List.of(sample)), sample.input());
        row.put("repeat", sample.repeat());
        if (sample.sample().exchange() != null) {
            row.put("transcript", String.join("\n",
                    dev.evalgate.report.TranscriptText.lines(sample.sample().exchange())));
        }
        StringBuilder reasons = new StringBuilder();
        for (Score score : sample.sample().scores()) {
            if (score.reason() != null && !score.reason().isBlank()) {
                reasons.append(reasons.isEmpty() ? "" : "; ").append(score.scorer()).append(": ").append(score.reason());
            }
        }
        if (reasons.isEmpty()) {
            row.putNull("reason");
        } else {
            row.put("reason", reasons.toString());
        }
        return row;
    }
}
