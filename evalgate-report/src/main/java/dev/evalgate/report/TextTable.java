package dev.evalgate.report;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A plain-text table with left-aligned columns sized to their widest cell. */
public final class TextTable {

    private final String[] header;
    private final List<String[]> rows = new ArrayList<>();

    public TextTable(String... header) {
        this.header = header;
    }

    public TextTable row(String... cells) {
        if (cells.length != header.length) {
            throw new IllegalArgumentException(header.length + " cells expected, got " + cells.length);
        }
        rows.add(cells);
        return this;
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** Prints the header and rows, indented by two spaces. */
    public void print(PrintWriter out) {
        print(out, "  ");
    }

    /** Prints the header and rows, each line indented by {@code indent}. */
    public void print(PrintWriter out, String indent) {
        int[] widths = new int[header.length];
        for (int c = 0; c < header.length; c++) {
            widths[c] = header[c].length();
            for (String[] row : rows) {
                widths[c] = Math.max(widths[c], row[c].length());
            }
        }
        line(out, indent, header, widths);
        for (String[] row : rows) {
            line(out, indent, row, widths);
        }
    }

    private static void line(PrintWriter out, String indent, String[] cells, int[] widths) {
        StringBuilder sb = new StringBuilder(indent);
        for (int c = 0; c < cells.length; c++) {
            sb.append(cells[c]);
            if (c < cells.length - 1) {
                sb.append(" ".repeat(widths[c] - cells[c].length() + 3));
            }
        }
        out.println(sb.toString().stripTrailing());
    }
}
