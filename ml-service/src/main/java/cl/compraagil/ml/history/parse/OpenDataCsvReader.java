package cl.compraagil.ml.history.parse;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams records of a Mercado Público open-data CSV: {@code ;}-separated, {@code "}-quoted with doubled
 * quotes as escapes, newlines (LF or CRLF) allowed inside quoted fields. Memory stays constant: one record at
 * a time. Each record knows the physical line it started on, so rejects can name it.
 */
public final class OpenDataCsvReader implements AutoCloseable {

    private static final char SEPARATOR = ';';
    private static final char QUOTE = '"';

    private final Reader reader;
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int limit;
    private long line = 1;
    private final StringBuilder field = new StringBuilder(256);

    public OpenDataCsvReader(Reader reader) {
        this.reader = reader;
    }

    /** A parsed record and the line it started on; {@code malformed} when a quote was never closed. */
    public record CsvRecord(long lineNo, List<String> fields, boolean malformed) {
    }

    /** @return the next record, or null at the end of the input */
    public CsvRecord next() throws IOException {
        int c = read();
        while (c == '\r' || c == '\n') {
            if (c == '\n') {
                line++;
            }
            c = read();
        }
        if (c < 0) {
            return null;
        }
        long startLine = line;
        List<String> fields = new ArrayList<>(40);
        boolean malformed = false;
        while (true) {
            field.setLength(0);
            boolean quoted = false;
            if (c == QUOTE) {
                quoted = true;
                malformed = !readQuoted();
                c = read();
                // text after a closing quote belongs to the same field (lenient, as the files need)
                while (c >= 0 && c != SEPARATOR && c != '\n' && c != '\r') {
                    field.append((char) c);
                    c = read();
                }
            } else {
                while (c >= 0 && c != SEPARATOR && c != '\n' && c != '\r') {
                    field.append((char) c);
                    c = read();
                }
            }
            fields.add(quoted || field.length() > 0 ? field.toString() : "");
            if (c == SEPARATOR) {
                c = read();
                continue;
            }
            if (c == '\r') {
                int next = read();
                if (next != '\n') {
                    unread();
                }
                line++;
            } else if (c == '\n') {
                line++;
            }
            return new CsvRecord(startLine, fields, malformed);
        }
    }

    /** Reads up to the closing quote; false when the input ends first. */
    private boolean readQuoted() throws IOException {
        while (true) {
            int c = read();
            if (c < 0) {
                return false;
            }
            if (c == QUOTE) {
                int next = read();
                if (next == QUOTE) {
                    field.append(QUOTE);
                    continue;
                }
                unread();
                return true;
            }
            if (c == '\n') {
                line++;
            }
            field.append((char) c);
        }
    }

    private int read() throws IOException {
        if (position >= limit) {
            limit = reader.read(buffer, 0, buffer.length);
            position = 0;
            if (limit <= 0) {
                limit = 0;
                return -1;
            }
        }
        return buffer[position++];
    }

    /** Steps back one character; only called right after a successful {@link #read()} or at end of input. */
    private void unread() {
        if (position > 0 && limit > 0) {
            position--;
        }
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
