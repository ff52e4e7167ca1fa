package cl.compraagil.licitacion.saved;

import java.time.Instant;

/** A saved opportunity with its note and the opportunity's current state. */
public record SavedLicitacion(
        String codigo,
        String nota,
        Instant guardadaEn,
        String tipo,
        String nombre,
        String organismo,
        String region,
        Long montoEstimado,
        String moneda,
        Instant fechaCierre,
        String estado,
        String url) {
}
