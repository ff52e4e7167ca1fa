package cl.compraagil.licitacion.profile;

/** The parts of an opportunity a fit is computed from. */
record FitInput(String codigo, String nombre, String descripcion, String productos, Long montoEstimado,
        Integer totalOfertas, Integer regionCodigo, Integer plazoEntregaDias) {
}
