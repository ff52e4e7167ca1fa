package cl.compraagil.licitacion.catalog;

import java.math.BigDecimal;

/** A product or service line requested by an opportunity; {@code codigoProducto} is its UNSPSC code. */
public record OpportunityItem(
        int correlativo,
        String codigoProducto,
        String nombre,
        String descripcion,
        BigDecimal cantidad,
        String unidad) {
}
