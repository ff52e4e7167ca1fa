package cl.compraagil.notification.alert;

import cl.compraagil.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The caller's alert rules. */
@RestController
@RequestMapping("/api/v1/alerts")
class AlertRuleController {

    private final AlertRules rules;

    AlertRuleController(AlertRules rules) {
        this.rules = rules;
    }

    @GetMapping
    List<AlertRule> list(AuthenticatedUser user) {
        return rules.list(user);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Crea una alerta; el número de alertas depende del plan (alert_rules)")
    AlertRule create(AuthenticatedUser user, @Valid @RequestBody AlertRuleRequest request) {
        return rules.create(user, request);
    }

    @GetMapping("/{id}")
    AlertRule get(AuthenticatedUser user, @PathVariable long id) {
        return rules.get(user, id);
    }

    @PutMapping("/{id}")
    AlertRule update(AuthenticatedUser user, @PathVariable long id, @Valid @RequestBody AlertRuleRequest request) {
        return rules.update(user, id, request);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(AuthenticatedUser user, @PathVariable long id) {
        rules.delete(user, id);
    }
}
