package cl.compraagil.subscription.usage;

import cl.compraagil.security.AuthenticatedUser;
import cl.compraagil.subscription.account.EntitlementPolicy;
import cl.compraagil.subscription.account.EntitlementsView;
import cl.compraagil.subscription.account.SubscriptionRepository;
import cl.compraagil.subscription.plan.Entitlements;
import io.swagger.v3.oas.annotations.Operation;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own usage against their plan's limits. */
@RestController
class UsageController {

    private final UsageRepository usage;
    private final SubscriptionRepository subscriptions;
    private final EntitlementPolicy policy;
    private final Clock clock;

    UsageController(UsageRepository usage, SubscriptionRepository subscriptions, EntitlementPolicy policy, Clock clock) {
        this.usage = usage;
        this.subscriptions = subscriptions;
        this.policy = policy;
        this.clock = clock;
    }

    @GetMapping("/api/v1/usage")
    @Operation(summary = "Uso de hoy (día de Chile) frente a los límites diarios del plan, y total del mes")
    UsageView usage(AuthenticatedUser caller) {
        EntitlementsView entitlements = subscriptions.byUser(caller.id()).map(policy::view)
                .orElseGet(() -> policy.freeFor(caller.id()));
        LocalDate today = ChileCalendar.today(clock);
        Map<String, Integer> day = usage.day(caller.id(), today);
        Map<String, Integer> month = usage.month(caller.id(), today);
        Set<String> resources = new LinkedHashSet<>(Entitlements.DAILY_RESOURCES);
        resources.addAll(month.keySet());
        List<UsageView.ResourceUsage> rows = new ArrayList<>();
        for (String resource : resources) {
            int used = day.getOrDefault(resource, 0);
            boolean daily = Entitlements.DAILY_RESOURCES.contains(resource);
            Integer limit = daily ? entitlements.limits().get(resource) : null;
            Integer remaining = limit == null ? null : Math.max(0, limit - used);
            rows.add(new UsageView.ResourceUsage(resource, used, limit, remaining, month.getOrDefault(resource, 0)));
        }
        return new UsageView(entitlements.plan(), entitlements.status(), today, today.toString().substring(0, 7), rows);
    }
}
