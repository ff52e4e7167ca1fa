package cl.compraagil.gateway.quota;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Burst limits per minute, which routes count against which daily plan resource, and how the gateway
 * behaves when Redis or subscription-service cannot answer.
 */
@ConfigurationProperties("gateway.quota")
record QuotaProperties(
        @DefaultValue("120") int userPerMinute,
        @DefaultValue("60") int apiKeyPerMinute,
        @DefaultValue("60") int ipPerMinute,
        @DefaultValue("0") int trustedProxies,
        @DefaultValue("America/Santiago") ZoneId timeZone,
        @DefaultValue("/pricing") String upgradeUrl,
        @DefaultValue("300ms") Duration redisTimeout,
        @DefaultValue("/api/v1/subscriptions/entitlements") String entitlementsPath,
        @DefaultValue("2s") Duration entitlementsTimeout,
        @DefaultValue("24h") Duration planTtl,
        @DefaultValue({"ai_analysis", "api_calls"}) List<String> failClosedResources,
        @DefaultValue List<Rule> rules) {

    /** Requests matching one of {@code paths} (and one of {@code methods}, if any) count as {@code resource}. */
    record Rule(String resource, @DefaultValue List<String> methods, List<String> paths) {
    }

    static final String API_CALLS = "api_calls";
}
