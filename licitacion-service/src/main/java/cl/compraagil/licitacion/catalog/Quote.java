package cl.compraagil.licitacion.catalog;

/** A supplier's quotation on a Compra Ágil process, as published once quotes become visible. */
public record Quote(
        String rutProveedor,
        String razonSocial,
        Long valorNeto,
        Long montoTotal,
        boolean esEmt,
        boolean seleccionado) {
}
