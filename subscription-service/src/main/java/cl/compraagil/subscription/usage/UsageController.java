package cl.compraagil.subscription.usage;

import cl.compraagil.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own usage against their plan's limits. */
@RestController
class UsageController {

    private final UsageReport report;

    UsageController(UsageReport report) {
        this.report = report;
    }

    @GetMapping("/api/v1/usage")
    @Operation(summary = "Uso de hoy (día de Chile) frente a los límites diarios del plan, y total del mes")
    UsageView usage(AuthenticatedUser caller) {
        return report.of(caller.id());
    }
}
