package cl.compraagil.subscription.payment;

import cl.compraagil.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own payment history, newest first. */
@RestController
@Validated
class PaymentController {

    private final PaymentRepository payments;

    PaymentController(PaymentRepository payments) {
        this.payments = payments;
    }

    @GetMapping("/api/v1/subscriptions/payments")
    @Operation(summary = "Historial de pagos del usuario (montos en CLP)")
    List<Payment> history(AuthenticatedUser caller,
            @RequestParam(defaultValue = "1") @Min(1) @Max(10_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        return payments.byUser(caller.id(), size, (page - 1) * size);
    }
}
