package cl.compraagil.subscription.plan;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a plan allows: numeric limits (a {@code null} value means unlimited) and on/off features. This is the
 * {@code features} document of a plan and the {@code limits}/{@code features} members of {@code subscription.changed}.
 */
public record Entitlements(Map<String, Integer> limits, Map<String, Boolean> features) {

    /** Daily limits enforced by the gateway, per resource counted in {@code usage.recorded}. */
    public static final List<String> DAILY_RESOURCES = List.of("ai_analysis", "searches", "api_calls");
    public static final List<String> LIMIT_KEYS = List.of("ai_analysis", "searches", "api_calls", "saved_licitaciones",
            "alert_rules", "exports_per_month", "organization_seats");
    public static final List<String> FEATURE_KEYS = List.of("web_dashboard", "api_keys", "customer_webhooks",
            "competitor_analysis");

    public Entitlements {
        limits = Collections.unmodifiableMap(new LinkedHashMap<>(limits));
        features = Collections.unmodifiableMap(new LinkedHashMap<>(features));
    }

    /** @return the limit, or {@code null} when the resource is unlimited */
    public Integer limit(String resource) {
        return limits.get(resource);
    }

    public boolean isUnlimited(String resource) {
        return limits.containsKey(resource) && limits.get(resource) == null;
    }
}
