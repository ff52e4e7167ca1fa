package cl.compraagil.licitacion.profile;

import java.time.Instant;
import java.util.List;

/**
 * What a company sells and how it wants opportunities scored. Owned by an organization (shared by its
 * members) or by a single user without one. Weights are 1 (baja), 2 (media) or 3 (alta).
 */
public record CompanyProfile(
        String ownerType,
        long ownerId,
        String nombreEmpresa,
        String tipoNegocio,
        String productosServicios,
        List<String> palabrasClave,
        Integer regionCodigo,
        Integer capacidadEntregaDias,
        Integer experienciaAnos,
        List<String> certificaciones,
        Long montoMinimo,
        Long montoMaximo,
        Pesos pesos,
        Instant updatedAt) {

    /** How much each part of the fit counts. */
    public record Pesos(int palabrasClave, int competencia, int monto) {
    }
}
