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
    /** A quoted field read straight out of the buffer (the common case), or null when it went through {@link #field}. */
    private String direct;

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
                // text after a closing quote belongs to the same field (lenient, as the files need)
                c = readPlain();
            } else if (c >= 0 && c != SEPARATOR && c != '\n' && c != '\r') {
                field.append((char) c);
                c = readPlain();
            }
            if (direct != null) {
                fields.add(field.length() == 0 ? direct : direct + field);
                direct = null;
            } else {
                fields.add(quoted || field.length() > 0 ? field.toString() : "");
            }
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

    /**
     * Appends unquoted characters up to a separator or line end and returns that character (-1 at the end);
     * copies whole runs of the buffer at a time.
     */
    private int readPlain() throws IOException {
        while (true) {
            int start = position;
            while (position < limit) {
                char c = buffer[position];
                if (c == SEPARATOR || c == '\n' || c == '\r') {
                    field.append(buffer, start, position - start);
                    position++;
                    return c;
                }
                position++;
            }
            field.append(buffer, start, position - start);
            if (!fill()) {
                return -1;
            }
        }
    }

    /** Reads up to the closing quote; false when the input ends first. */
    private boolean readQuoted() throws IOException {
        while (true) {
            int start = position;
            while (position < limit) {
                char c = buffer[position];
                if (c == QUOTE) {
                    if (field.length() == 0 && position + 1 < limit && buffer[position + 1] != QUOTE) {
                        // whole field in this buffer, no doubled quotes: one copy instead of two
                        direct = new String(buffer, start, position - start);
                        position++;
                        return true;
                    }
                    field.append(buffer, start, position - start);
                    position++;
                    int next = read();
                    if (next == QUOTE) {
                        field.append(QUOTE);
                        start = position;
                        continue;
                    }
                    unread();
                    return true;
                }
                if (c == '\n') {
                    line++;
                }
                position++;
            }
            field.append(buffer, start, position - start);
            if (!fill()) {
                return false;
            }
        }
    }

    private boolean fill() throws IOException {
        limit = reader.read(buffer, 0, buffer.length);
        position = 0;
        if (limit <= 0) {
            limit = 0;
            return false;
        }
        return true;
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
