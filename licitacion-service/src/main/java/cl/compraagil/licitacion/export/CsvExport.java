package cl.compraagil.licitacion.export;

import cl.compraagil.licitacion.mercadopublico.ChileTime;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * CSV as spreadsheet programs in Chile open it: UTF-8 with a BOM, {@code ;} separated (the decimal separator
 * is the comma), quoted, Chile local times, and cells that would start a formula neutralised.
 */
final class CsvExport {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private CsvExport() {
    }

    static byte[] write(ExportTable table) {
        StringBuilder out = new StringBuilder("\uFEFF");
        line(out, List.copyOf(table.headers()));
        table.rows().forEach(row -> line(out, row));
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder out, List<?> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                out.append(';');
            }
            out.append(cell(values.get(i)));
        }
        out.append("\r\n");
    }

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number number) {
            return number.toString();
        }
        String text = value instanceof Instant instant
                ? LocalDateTime.ofInstant(instant, ChileTime.ZONE).format(TIME) : value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }
}
