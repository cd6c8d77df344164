package dev.evalgate.cli;

import dev.evalgate.run.CaseResult;
import dev.evalgate.run.ResultSink;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Several sinks as one, in order; null entries are skipped. */
final class Sinks implements ResultSink {

    private final List<ResultSink> sinks;

    private Sinks(List<ResultSink> sinks) {
        this.sinks = sinks;
    }

    static ResultSink of(ResultSink... sinks) {
        List<ResultSink> list = new ArrayList<>();
        for (ResultSink s : sinks) {
            if (s != null) {
                list.add(s);
            }
        }
        return new Sinks(List.copyOf(list));
    }

    @Override
    public void accept(CaseResult result) {
        for (ResultSink sink : sinks) {
            sink.accept(result);
        }
    }

    /** The rehearsals of the sinks that have one, as one; null when none has. */
    @Override
    public ResultSink rehearsal() {
        List<ResultSink> rehearsals = new ArrayList<>();
        for (ResultSink sink : sinks) {
            ResultSink r = sink.rehearsal();
            if (r != null) {
                rehearsals.add(r);
            }
        }
        return rehearsals.isEmpty() ? null : new Sinks(List.copyOf(rehearsals));
    }

    @Override
    public void close() {
        RuntimeException first = null;
        for (ResultSink sink : sinks) {
            try {
                sink.close();
            } catch (RuntimeException e) {
                first = Objects.requireNonNullElse(first, e);
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
