package cl.compraagil.ml.history.importer;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;

/** Writes rows in PostgreSQL's COPY text format: tab-separated, {@code \N} for null, escaped control characters. */
final class CopyRowWriter {

    private final Writer out;

    CopyRowWriter(Writer out) {
        this.out = out;
    }

    void write(long runId, long lineNo, Object[] values) throws IOException {
        out.write(Long.toString(runId));
        out.write('\t');
        out.write(Long.toString(lineNo));
        for (Object value : values) {
            out.write('\t');
            if (value == null) {
                out.write("\\N");
            } else if (value instanceof String text) {
                escape(text);
            } else if (value instanceof BigDecimal decimal) {
                out.write(decimal.toPlainString());
            } else {
                out.write(value.toString());
            }
        }
        out.write('\n');
    }

    private void escape(String text) throws IOException {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.write("\\\\");
                case '\t' -> out.write("\\t");
                case '\n' -> out.write("\\n");
                case '\r' -> out.write("\\r");
                case '\0' -> { }
                default -> out.write(c);
            }
        }
    }
}
