package dev.evalgate.store;

import java.util.List;

/**
 * One page of a run's failed and errored samples.
 *
 * @param total how many samples match the filter over all pages
 * @param rows  the samples of this page, in the order target id, case id, repeat
 */
public record FailurePage(long total, List<StoredCaseResult> rows) {

    public FailurePage {
        rows = List.copyOf(rows);
    }
}
