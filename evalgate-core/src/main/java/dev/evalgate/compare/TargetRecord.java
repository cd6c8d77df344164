package dev.evalgate.compare;

import java.util.Comparator;
import java.util.List;

/** Every case of one target in one run, sorted by case id so two runs pair in one pass. */
public record TargetRecord(String target, List<CaseRecord> cases) {

    public TargetRecord {
        cases = cases.stream().sorted(Comparator.comparing(CaseRecord::caseId)).toList();
    }
}
