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
