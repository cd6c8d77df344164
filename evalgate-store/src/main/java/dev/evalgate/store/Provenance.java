package dev.evalgate.store;

import dev.evalgate.run.RunInfo;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What must be equal for a shard to join a run: the numbers of all shards are only one run's numbers when the same
 * dataset bytes went through the same targets and scorers with the same tool.
 */
final class Provenance {

    private Provenance() {
    }

    /** One phrase per difference between the stored run and the joining shard, each naming what differs. */
    static List<String> differences(RunInfo run, RunInfo shard) {
        List<String> found = new ArrayList<>();
        differ(found, "suite", run.suite(), shard.suite());
        differ(found, "dataset sha256", shortHash(run.datasetSha256()), shortHash(shard.datasetSha256()));
        differ(found, "selection of cases", run.selection(), shard.selection());
        differ(found, "repeat", run.repeat(), shard.repeat());
        differ(found, "seed", run.seed(), shard.seed());
        differ(found, "scorers", run.scorers(), shard.scorers());
        differ(found, "slices", run.slices(), shard.slices());
        differ(found, "targets", run.targets().stream().map(RunInfo.TargetInfo::id).toList(),
                shard.targets().stream().map(RunInfo.TargetInfo::id).toList());
        for (RunInfo.TargetInfo mine : shard.targets()) {
            run.targets().stream().filter(t -> t.id().equals(mine.id())).findFirst().ifPresent(theirs -> {
                differ(found, "target " + mine.id() + " type", theirs.type(), mine.type());
                differ(found, "target " + mine.id() + " model", theirs.model(), mine.model());
                differ(found, "target " + mine.id() + " price", theirs.price(), mine.price());
                differ(found, "target " + mine.id() + " spec", theirs.spec(), mine.spec());
            });
        }
        differ(found, "price table", run.priceTable(), shard.priceTable());
        differ(found, "evalgate version", run.toolVersion(), shard.toolVersion());
        return found;
    }

    private static void differ(List<String> found, String what, Object run, Object shard) {
        if (!Objects.equals(run, shard)) {
            found.add(what + " is " + shard + " here but " + run + " in the run");
        }
    }

    private static String shortHash(String sha256) {
        return sha256 == null || sha256.length() <= 12 ? sha256 : sha256.substring(0, 12) + "…";
    }
}
