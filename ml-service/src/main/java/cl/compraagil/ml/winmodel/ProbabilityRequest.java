package cl.compraagil.ml.winmodel;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A bid to score: what is offered, at what unit price, and what is known of the competition. */
record ProbabilityRequest(
        @Pattern(regexp = "^[0-9A-Za-z]{1,10}-[0-9]{1,6}-[0-9A-Za-z]{2,6}$",
                message = "El código de licitación no tiene un formato válido.") String codigo,
        @Size(max = 300, message = "El producto no puede superar 300 caracteres.") String product,
        @Min(value = 10000000, message = "El código UNSPSC debe tener 8 dígitos.")
        @Max(value = 999999999, message = "El código UNSPSC debe tener 8 o 9 dígitos.") Integer unspscCode,
        @NotNull(message = "Indica el precio unitario ofertado.")
        @Min(value = 1, message = "El precio ofertado debe ser mayor que cero.")
        @Max(value = 100000000000L, message = "El precio ofertado es demasiado grande.") Long offeredUnitPrice,
        @Min(value = 1, message = "El número de oferentes debe ser al menos 1.")
        @Max(value = 100, message = "El número de oferentes no puede superar 100.") Integer bidders,
        @Min(value = 0, message = "Los días al cierre no pueden ser negativos.")
        @Max(value = 365, message = "Los días al cierre no pueden superar 365.") Integer daysToClose,
        @Size(max = 120, message = "La región no puede superar 120 caracteres.") String region,
        @Pattern(regexp = "^\\d{1,2}\\.?\\d{3}\\.?\\d{3}-[\\dkK]$", message = "El RUT debe tener el formato 12.345.678-9.")
        String supplierRut) {

    @AssertTrue(message = "Indica el código de la licitación, el producto (texto) o su código UNSPSC.")
    public boolean isProductGiven() {
        return codigo != null || unspscCode != null || (product != null && product.strip().length() >= 3);
    }

    /** Fills what the caller left out with what the licitación says. */
    ProbabilityRequest withLicitacion(cl.compraagil.ml.licitacion.Licitacion licitacion) {
        String text = product != null ? product
                : licitacion.productos().isEmpty() ? licitacion.nombre() : licitacion.productos().get(0);
        Integer code = unspscCode != null ? unspscCode
                : licitacion.unspscCodes().isEmpty() ? null : licitacion.unspscCodes().get(0);
        Integer days = daysToClose;
        if (days == null && licitacion.fechaCierre() != null && licitacion.fechaCierre().length() >= 10) {
            try {
                days = (int) Math.max(0, java.time.temporal.ChronoUnit.DAYS.between(java.time.LocalDate.now(),
                        java.time.LocalDate.parse(licitacion.fechaCierre().substring(0, 10))));
            } catch (java.time.format.DateTimeParseException e) {
                days = null;
            }
        }
        return new ProbabilityRequest(codigo, text, code, offeredUnitPrice, bidders, days,
                region != null ? region : licitacion.region(), supplierRut);
    }
}
