package dev.evalgate.targets.command;

import dev.evalgate.target.Target;
import dev.evalgate.targets.TestSpecs;
import dev.evalgate.testkit.TargetContract;

class CommandTargetIT extends TargetContract {

    @Override
    protected Target newTarget() {
        return TestSpecs.create(new CommandTargetKind(), Workers.yaml("EchoWorker.java", "workers: 2"),
                Workers.folder().getParent());
    }

    @Override
    protected boolean reportsTokens() {
        return true;
    }
}
