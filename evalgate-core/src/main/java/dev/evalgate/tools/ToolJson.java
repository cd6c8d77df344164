package dev.evalgate.tools;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.evalgate.json.SharedBuffers;

/** The JSON mapper of the tools package, so every part reads and writes tool calls alike. */
public final class ToolJson {

    public static final ObjectMapper MAPPER = SharedBuffers.mapper().build();

    private ToolJson() {
    }
}
