package cl.compraagil.ml.history.importer;

import java.io.IOException;

/** Where a dataset format sends the rows it read: loaded, rejected with a reason, or counted as excluded. */
interface RowOutput {

    void row(long lineNo, Object... values) throws IOException;

    void reject(long lineNo, String reason);

    /** A row loaded without CLP amounts because its currency has no configured rate. */
    void excludedCurrency();
}
