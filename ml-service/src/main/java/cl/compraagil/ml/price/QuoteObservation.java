package cl.compraagil.ml.price;

import java.time.LocalDate;

/** One historical bid with a well-defined unit price (a single-product cotización), winner or loser. */
public record QuoteObservation(
        String codigoCotizacion,
        String producto,
        int codigoProducto,
        double cantidad,
        double unitPrice,
        boolean won,
        LocalDate fechaCierre,
        String region,
        String organismo,
        String proveedor,
        String rutProveedor,
        int bidders) {
}
