package cl.compraagil.ml.price;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** What the supplier wants to quote: the product (text and/or UNSPSC code), how many, where and for whom. */
public record PriceRequest(
        @Size(max = 300, message = "El producto no puede superar 300 caracteres.") String product,
        @Min(value = 10000000, message = "El código UNSPSC debe tener 8 dígitos.")
        @Max(value = 999999999, message = "El código UNSPSC debe tener 8 o 9 dígitos.") Integer unspscCode,
        @NotNull(message = "Indica la cantidad.") @Min(value = 1, message = "La cantidad debe ser al menos 1.")
        @Max(value = 10000000, message = "La cantidad es demasiado grande.") Integer quantity,
        @Size(max = 120, message = "La región no puede superar 120 caracteres.") String region,
        @Size(max = 200, message = "El organismo no puede superar 200 caracteres.") String organismo,
        @Min(value = 0, message = "El costo unitario no puede ser negativo.")
        @Max(value = 100000000000L, message = "El costo unitario es demasiado grande.") Long unitCost) {

    @AssertTrue(message = "Indica el producto (texto) o su código UNSPSC.")
    public boolean isProductGiven() {
        return unspscCode != null || (product != null && product.strip().length() >= 3);
    }
}
