package cl.compraagil.licitacion.export;

import java.util.List;

/** Rows to export with their column headers; values are String, Long or Instant. */
record ExportTable(String sheetName, List<String> headers, List<List<Object>> rows) {
}
