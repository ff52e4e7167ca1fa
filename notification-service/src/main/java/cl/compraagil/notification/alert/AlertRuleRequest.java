package cl.compraagil.notification.alert;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;

/** What a user sends to create or replace an alert rule. Absent optional fields take the documented defaults. */
record AlertRuleRequest(
        @NotBlank(message = "El nombre es obligatorio.") @Size(max = 100, message = "El nombre admite hasta 100 caracteres.")
        String name,
        @Size(max = 20, message = "Se admiten hasta 20 palabras clave.")
        List<@NotBlank(message = "Las palabras clave no pueden estar vacías.") @Size(max = 60, message = "Cada palabra clave admite hasta 60 caracteres.") String> keywords,
        @Size(max = 20, message = "Se admiten hasta 20 palabras excluidas.")
        List<@NotBlank(message = "Las palabras excluidas no pueden estar vacías.") @Size(max = 60, message = "Cada palabra excluida admite hasta 60 caracteres.") String> excludedKeywords,
        @Size(max = 16, message = "Se admiten hasta 16 regiones.")
        List<@NotBlank(message = "Las regiones no pueden estar vacías.") @Size(max = 100, message = "Cada región admite hasta 100 caracteres.") String> regions,
        @Size(max = 20, message = "Se admiten hasta 20 organismos.")
        List<@NotBlank(message = "Los organismos no pueden estar vacíos.") @Size(max = 200, message = "Cada organismo admite hasta 200 caracteres.") String> organismos,
        @Size(max = 50, message = "Se admiten hasta 50 códigos UNSPSC.")
        List<@Pattern(regexp = "\\d{2,8}", message = "Cada código UNSPSC debe tener entre 2 y 8 dígitos.") String> unspscCodes,
        @PositiveOrZero(message = "El monto mínimo no puede ser negativo.") Long minAmount,
        @PositiveOrZero(message = "El monto máximo no puede ser negativo.") Long maxAmount,
        @Pattern(regexp = "compra_agil|licitacion", message = "El tipo debe ser 'compra_agil' o 'licitacion'.") String tipo,
        @NotEmpty(message = "Elige al menos un canal.") @Size(max = 4, message = "Se admiten hasta 4 canales.")
        List<@NotBlank @Pattern(regexp = "inbox|email|telegram|webhook", message = "Los canales válidos son inbox, email, telegram y webhook.") String> channels,
        Boolean quietHoursEnabled,
        @Pattern(regexp = "([01]\\d|2[0-3]):[0-5]\\d", message = "La hora de inicio del silencio debe tener el formato HH:mm.") String quietHoursStart,
        @Pattern(regexp = "([01]\\d|2[0-3]):[0-5]\\d", message = "La hora de término del silencio debe tener el formato HH:mm.") String quietHoursEnd,
        @Size(max = 50, message = "La zona horaria no es válida.") String timezone,
        @Min(value = 1, message = "El tope diario mínimo es 1.") @Max(value = 500, message = "El tope diario máximo es 500.") Integer dailyCap,
        @Pattern(regexp = "instant|daily_digest", message = "La entrega debe ser 'instant' o 'daily_digest'.") String delivery,
        Boolean active) {

    @AssertTrue(message = "Indica al menos un criterio: palabras clave, regiones, organismos o códigos UNSPSC.")
    boolean isSpecific() {
        return notEmpty(keywords) || notEmpty(regions) || notEmpty(organismos) || notEmpty(unspscCodes);
    }

    @AssertTrue(message = "El monto mínimo no puede ser mayor que el máximo.")
    boolean isAmountRangeOrdered() {
        return minAmount == null || maxAmount == null || minAmount <= maxAmount;
    }

    @AssertTrue(message = "La zona horaria no es válida (por ejemplo, America/Santiago).")
    boolean isTimezoneKnown() {
        if (timezone == null) {
            return true;
        }
        try {
            ZoneId.of(timezone);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }

    private static boolean notEmpty(List<String> values) {
        return values != null && !values.isEmpty();
    }
}
