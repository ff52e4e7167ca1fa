package cl.compraagil.licitacion.export;

import org.springframework.http.MediaType;

/** The file formats an export can take. */
enum ExportFormat {
    CSV("csv", MediaType.parseMediaType("text/csv;charset=UTF-8")),
    XLSX("xlsx", MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));

    private final String extension;
    private final MediaType mediaType;

    ExportFormat(String extension, MediaType mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    String extension() {
        return extension;
    }

    MediaType mediaType() {
        return mediaType;
    }

    byte[] write(ExportTable table) {
        return this == CSV ? CsvExport.write(table) : XlsxExport.write(table);
    }

    static ExportFormat of(String name) {
        return "xlsx".equals(name) ? XLSX : CSV;
    }
}
