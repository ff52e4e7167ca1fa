package cl.compraagil.ml.history.importer;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;

/**
 * Writes rows in PostgreSQL's COPY text format: tab-separated, {@code \N} for null, escaped control characters.
 * A row is assembled in one reused buffer and handed to the writer in one call (per-character writes were
 * the importer's hottest spot).
 */
final class CopyRowWriter {

    private final Writer out;
    private final StringBuilder line = new StringBuilder(1024);

    CopyRowWriter(Writer out) {
        this.out = out;
    }

    void write(long runId, long lineNo, Object[] values) throws IOException {
        line.setLength(0);
        line.append(runId).append('\t').append(lineNo);
        for (Object value : values) {
            line.append('\t');
            if (value == null) {
                line.append("\\N");
            } else if (value instanceof String text) {
                escape(text);
            } else if (value instanceof BigDecimal decimal) {
                line.append(decimal.toPlainString());
            } else {
                line.append(value);
            }
        }
        line.append('\n');
        out.append(line);
    }

    private void escape(String text) {
        int first = 0;
        while (first < text.length() && !special(text.charAt(first))) {
            first++;
        }
        if (first == text.length()) {
            line.append(text); // the usual case, copied in bulk
            return;
        }
        int from = 0;
        for (int i = first; i < text.length(); i++) {
            char c = text.charAt(i);
            if (special(c)) {
                line.append(text, from, i).append(switch (c) {
                    case '\\' -> "\\\\";
                    case '\t' -> "\\t";
                    case '\n' -> "\\n";
                    case '\r' -> "\\r";
                    default -> ""; // NUL cannot be stored in text
                });
                from = i + 1;
            }
        }
        line.append(text, from, text.length());
    }

    private static boolean special(char c) {
        return c == '\\' || c == '\t' || c == '\n' || c == '\r' || c == '\0';
    }
}
