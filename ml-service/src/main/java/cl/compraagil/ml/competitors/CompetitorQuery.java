package cl.compraagil.ml.competitors;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.BindParam;

/** Whose competition to show: by product (text or UNSPSC), organismo and/or region, over recent months. */
record CompetitorQuery(
        @Size(max = 300, message = "El producto no puede superar 300 caracteres.") String product,
        @Min(value = 10000000, message = "El código UNSPSC debe tener 8 dígitos.")
        @Max(value = 999999999, message = "El código UNSPSC debe tener 8 o 9 dígitos.")
        @BindParam("unspsc_code") Integer unspscCode,
        @Size(max = 200, message = "El organismo no puede superar 200 caracteres.") String organismo,
        @Size(max = 120, message = "La región no puede superar 120 caracteres.") String region,
        @Min(value = 1, message = "Los meses deben ser al menos 1.")
        @Max(value = 36, message = "Los meses no pueden superar 36.") Integer months) {

    @AssertTrue(message = "Indica un producto, un código UNSPSC, un organismo o una región.")
    public boolean isFiltered() {
        return unspscCode != null || present(product) || present(organismo) || present(region);
    }

    private static boolean present(String value) {
        return value != null && value.strip().length() >= 3;
    }
}
