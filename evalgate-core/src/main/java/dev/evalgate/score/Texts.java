package dev.evalgate.score;

import dev.evalgate.dataset.Case;

import java.util.List;

/** Helpers that render outputs and answers inside score reasons, where they must stay short and on one line. */
final class Texts {

    /** Long outputs are cut so a report row stays readable; the full output is stored next to the score. */
    private static final int MAX_SHOWN = 120;

    private Texts() {
    }

    /** The text in double quotes, with line breaks and quotes escaped and cut after {@value #MAX_SHOWN} chars. */
    static String quote(String text) {
        if (text == null) {
            return "nothing";
        }
        StringBuilder out = new StringBuilder(Math.min(text.length(), MAX_SHOWN) + 8).append('"');
        int end = Math.min(text.length(), MAX_SHOWN);
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> out.append(c);
            }
        }
        if (end < text.length()) {
            out.append("…");
        }
        return out.append('"').toString();
    }

    /** {@code "a"} for one answer, {@code one of "a", "b"} for several. */
    static String answers(List<String> answers) {
        if (answers.size() == 1) {
            return quote(answers.getFirst());
        }
        StringBuilder out = new StringBuilder("one of ");
        for (int i = 0; i < answers.size(); i++) {
            out.append(i == 0 ? "" : ", ").append(quote(answers.get(i)));
        }
        return out.toString();
    }

    /** How a case is named in an ERROR reason: its id and where it was read, so the user can open the row. */
    static String caseName(Case kase) {
        return kase.source() == null || kase.source().equals(kase.id())
                ? "case '" + kase.id() + "'"
                : "case '" + kase.id() + "' (" + kase.source() + ")";
    }

    /** The answers a scorer compares against, or null when the case states none. */
    static List<String> expectedAnswers(Case kase) {
        List<String> answers = kase.expected().answers();
        return answers.isEmpty() ? null : answers;
    }

    /** The ERROR score for a case that has no expected answer although the scorer needs one. */
    static Score noExpected(String scorer, Case kase, String fix) {
        return Score.error(scorer, caseName(kase) + " has no expected answer, which " + scorer
                + " compares against. " + fix);
    }
}
