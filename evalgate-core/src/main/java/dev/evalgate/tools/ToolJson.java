package dev.evalgate.tools;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The JSON mapper of the tools package, so every part reads and writes tool calls alike. */
public final class ToolJson {

    public static final ObjectMapper MAPPER = new ObjectMapper();

    private ToolJson() {
    }
}
