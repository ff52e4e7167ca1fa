package cl.compraagil.ml.profile;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/** What the user's company sells and can deliver: the analyses are fitted to it. */
public record CompanyProfile(
        @Size(max = 200, message = "El nombre de la empresa no puede superar 200 caracteres.") String companyName,
        @Size(max = 200, message = "El rubro no puede superar 200 caracteres.") String rubro,
        @Size(max = 1000, message = "Los productos no pueden superar 1000 caracteres.") String products,
        @Size(max = 500, message = "Las palabras clave no pueden superar 500 caracteres.") String keywords,
        @Size(max = 120, message = "La región no puede superar 120 caracteres.") String region,
        @Min(value = 0, message = "Los días de entrega no pueden ser negativos.")
        @Max(value = 365, message = "Los días de entrega no pueden superar 365.") Integer deliveryDays,
        @Min(value = 0, message = "Los años de experiencia no pueden ser negativos.")
        @Max(value = 100, message = "Los años de experiencia no pueden superar 100.") Integer experienceYears,
        @Size(max = 500, message = "Las certificaciones no pueden superar 500 caracteres.") String certifications,
        Integer version) {
}
