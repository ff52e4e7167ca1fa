package cl.compraagil.subscription.usage;

import cl.compraagil.subscription.account.EntitlementPolicy;
import cl.compraagil.subscription.account.EntitlementsView;
import cl.compraagil.subscription.account.SubscriptionRepository;
import cl.compraagil.subscription.plan.Entitlements;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** A user's usage of today (Chile's calendar day) and of this month, against their effective daily limits. */
@Component
public class UsageReport {

    private final UsageRepository usage;
    private final SubscriptionRepository subscriptions;
    private final EntitlementPolicy policy;
    private final Clock clock;

    UsageReport(UsageRepository usage, SubscriptionRepository subscriptions, EntitlementPolicy policy, Clock clock) {
        this.usage = usage;
        this.subscriptions = subscriptions;
        this.policy = policy;
        this.clock = clock;
    }

    public UsageView of(long userId) {
        EntitlementsView entitlements = subscriptions.byUser(userId).map(policy::view)
                .orElseGet(() -> policy.freeFor(userId));
        LocalDate today = ChileCalendar.today(clock);
        Map<String, Integer> day = usage.day(userId, today);
        Map<String, Integer> month = usage.month(userId, today);
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
