package cl.compraagil.subscription.plan;

import cl.compraagil.problem.ApiProblem;
import cl.compraagil.subscription.audit.AdminAudit;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Applies an admin's change to a plan's entitlements: validated, audited, and announced to its subscribers. */
@Service
class PlanEditor {

    private final PlanCatalog catalog;
    private final ApplicationEventPublisher events;
    private final AdminAudit audit;

    PlanEditor(PlanCatalog catalog, ApplicationEventPublisher events, AdminAudit audit) {
        this.catalog = catalog;
        this.events = events;
        this.audit = audit;
    }

    @Transactional
    Plan change(String name, PlanFeaturesUpdate update, long adminId, String ip) {
        Plan plan = catalog.byName(name).orElseThrow(() -> ApiProblem.notFound("El plan"));
        requireKeys(update.limits(), Entitlements.LIMIT_KEYS, "límites");
        requireKeys(update.features(), Entitlements.FEATURE_KEYS, "funciones");
        Entitlements entitlements = new Entitlements(ordered(update.limits(), Entitlements.LIMIT_KEYS),
                ordered(update.features(), Entitlements.FEATURE_KEYS));
        String reason = update.reason().strip();
        catalog.changeEntitlements(plan, entitlements, adminId, reason);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("plan", plan.name());
        details.put("reason", reason);
        details.put("previous", plan.entitlements());
        details.put("new", entitlements);
        audit.record("plan_features_changed", adminId, null, ip, details);
        events.publishEvent(new PlanFeaturesChanged(plan.id()));
        return catalog.byId(plan.id());
    }

    private static void requireKeys(Map<String, ?> given, java.util.List<String> expected, String what) {
        if (!new HashSet<>(expected).equals(given.keySet())) {
            throw ApiProblem.badRequest("invalid_plan_features",
                    "Los " + what + " del plan deben ser exactamente: " + String.join(", ", expected) + ".");
        }
    }

    private static <V> Map<String, V> ordered(Map<String, V> values, java.util.List<String> keys) {
        Map<String, V> ordered = new LinkedHashMap<>();
        keys.forEach(key -> ordered.put(key, values.get(key)));
        return ordered;
    }
}
