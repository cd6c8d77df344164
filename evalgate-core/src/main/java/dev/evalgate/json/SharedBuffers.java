package dev.evalgate.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.util.JsonRecyclerPools;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * JSON mappers for code that runs on the run's virtual threads: their parsing and writing buffers come from one pool
 * shared by all threads.
 *
 * <p>Jackson keeps those buffers per thread by default. A run starts a virtual thread per case, so each case's
 * first read or write of JSON allocated fresh buffers (tens of kilobytes) and dropped them: most of the garbage a
 * run made, and the collections it cost.
 */
public final class SharedBuffers {

    private SharedBuffers() {
    }

    /** A JSON mapper builder whose factory takes its buffers from the shared pool. */
    public static JsonMapper.Builder mapper() {
        return JsonMapper.builder(JsonFactory.builder().recyclerPool(JsonRecyclerPools.sharedConcurrentDequePool())
                .build());
    }
}
