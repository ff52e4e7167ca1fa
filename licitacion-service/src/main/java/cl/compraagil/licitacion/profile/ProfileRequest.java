package cl.compraagil.licitacion.profile;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The body of {@code PUT /api/v1/licitaciones/profile}. */
record ProfileRequest(
        @NotBlank(message = "Indica el nombre de la empresa.") @Size(max = 200, message = "Máximo 200 caracteres.")
        String nombreEmpresa,
        @NotNull(message = "Indica si vendes productos, servicios o ambos.")
        @Pattern(regexp = "productos|servicios|ambos", message = "Debe ser productos, servicios o ambos.")
        String tipoNegocio,
        @Size(max = 2000, message = "Máximo 2000 caracteres.") String productosServicios,
        @Size(max = 50, message = "Máximo 50 palabras clave.")
        List<@NotBlank(message = "Las palabras clave no pueden estar vacías.")
             @Size(max = 80, message = "Cada palabra clave tiene máximo 80 caracteres.") String> palabrasClave,
        @Min(value = 1, message = "La región va de 1 a 16.") @Max(value = 16, message = "La región va de 1 a 16.")
        Integer regionCodigo,
        @Min(value = 0, message = "No puede ser negativo.") @Max(value = 365, message = "Máximo 365 días.")
        Integer capacidadEntregaDias,
        @Min(value = 0, message = "No puede ser negativo.") @Max(value = 100, message = "Máximo 100 años.")
        Integer experienciaAnos,
        @Size(max = 30, message = "Máximo 30 certificaciones.")
        List<@NotBlank(message = "Las certificaciones no pueden estar vacías.")
             @Size(max = 120, message = "Máximo 120 caracteres.") String> certificaciones,
        @PositiveOrZero(message = "No puede ser negativo.") Long montoMinimo,
        @PositiveOrZero(message = "No puede ser negativo.") Long montoMaximo,
        @Valid Pesos pesos) {

    @AssertTrue(message = "El monto máximo debe ser mayor o igual al mínimo.")
    boolean isRangoDeMontosValido() {
        return montoMinimo == null || montoMaximo == null || montoMaximo >= montoMinimo;
    }

    @AssertTrue(message = "Indica al menos una palabra clave o tus productos y servicios.")
    boolean isAlgoQueBuscar() {
        return (palabrasClave != null && !palabrasClave.isEmpty())
                || (productosServicios != null && !productosServicios.isBlank());
    }

    /** Weights 1 (baja), 2 (media), 3 (alta); absent ones are media. */
    record Pesos(
            @Min(value = 1, message = "El peso va de 1 a 3.") @Max(value = 3, message = "El peso va de 1 a 3.") Integer palabrasClave,
            @Min(value = 1, message = "El peso va de 1 a 3.") @Max(value = 3, message = "El peso va de 1 a 3.") Integer competencia,
            @Min(value = 1, message = "El peso va de 1 a 3.") @Max(value = 3, message = "El peso va de 1 a 3.") Integer monto) {
    }

    CompanyProfile toProfile(ProfileOwner owner) {
        return new CompanyProfile(owner.type(), owner.id(), nombreEmpresa.strip(), tipoNegocio,
                productosServicios == null ? null : productosServicios.strip(),
                palabrasClave == null ? List.of() : palabrasClave.stream().map(String::strip).distinct().toList(),
                regionCodigo, capacidadEntregaDias, experienciaAnos,
                certificaciones == null ? List.of() : certificaciones.stream().map(String::strip).distinct().toList(),
                montoMinimo, montoMaximo,
                new CompanyProfile.Pesos(weight(pesos == null ? null : pesos.palabrasClave()),
                        weight(pesos == null ? null : pesos.competencia()), weight(pesos == null ? null : pesos.monto())),
                null);
    }

    private static int weight(Integer value) {
        return value == null ? 2 : value;
    }
}
