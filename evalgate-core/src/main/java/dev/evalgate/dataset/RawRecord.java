package dev.evalgate.dataset;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One record of a dataset file before it is checked: its fields as JSON and where it starts.
 *
 * @param line   1-based line of the file where the record starts
 * @param fields the record's top-level fields; CSV cells are all text
 */
record RawRecord(int line, ObjectNode fields) {
}
