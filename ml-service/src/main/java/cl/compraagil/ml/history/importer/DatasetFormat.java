package cl.compraagil.ml.history.importer;

import cl.compraagil.ml.history.parse.HeaderIndex;
import cl.compraagil.ml.history.parse.OpenDataCsvReader.CsvRecord;
import java.io.IOException;
import java.util.List;

/** How one open-data dataset maps onto its table. One instance reads one file; it may buffer a few rows. */
interface DatasetFormat {

    /**
     * The table, partitioned by import run: a file loads into a table of its own that is attached when complete,
     * and a re-import drops the previous run's partition instead of deleting rows.
     */
    String table();

    /** Target columns in the order {@link RowOutput#row} receives values (after import_run_id and line_no). */
    List<String> columns();

    /** Resolves the columns of this file's header; throws {@link IllegalArgumentException} if a required one is missing. */
    void start(HeaderIndex header);

    void accept(CsvRecord record, RowOutput out) throws IOException;

    void finish(RowOutput out) throws IOException;

    /** SQL that adds this run's product texts to the catalogue searched by text similarity. */
    String catalogSql();
}
