package cl.compraagil.gateway.quota;

import cl.compraagil.gateway.correlation.CorrelatedLog;
import cl.compraagil.gateway.security.Caller;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.support.ipresolver.RemoteAddressResolver;
import org.springframework.cloud.gateway.support.ipresolver.XForwardedRemoteAddressResolver;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Applies burst limits to every routed request (per user, per API key, per client IP when anonymous) and
 * the plan's daily quotas to counted routes (admins exempt), in one Redis script call; emits
 * {@code usage.recorded} for what it counted. Redis trouble fails open for burst limits and for searches,
 * and closed for paid resources.
 */
@Component
class QuotaFilter implements GlobalFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger(QuotaFilter.class);
    private static final Duration WARN_EVERY = Duration.ofSeconds(10);

    private final QuotaLimiter limiter;
    private final ResourceRules rules;
    private final EntitlementsClient entitlements;
    private final UsageEvents usage;
    private final QuotaProperties properties;
    private final ChileCalendar calendar;
    private final RemoteAddressResolver addresses;
    private final MeterRegistry meters;
    private final Map<String, LimiterWarnings> warnings = new ConcurrentHashMap<>();

    QuotaFilter(QuotaLimiter limiter, ResourceRules rules, EntitlementsClient entitlements, UsageEvents usage,
            QuotaProperties properties, MeterRegistry meters) {
        this.limiter = limiter;
        this.rules = rules;
        this.entitlements = entitlements;
        this.usage = usage;
        this.properties = properties;
        this.calendar = new ChileCalendar(properties.timeZone(), Clock.systemUTC());
        this.addresses = properties.trustedProxies() > 0
                ? XForwardedRemoteAddressResolver.maxTrustedIndex(properties.trustedProxies())
                : new RemoteAddressResolver() { };
        this.meters = meters;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Caller caller = Caller.of(exchange);
        Bucket bucket = bucketOf(exchange, caller);
        List<String> resources = caller == null || caller.admin() ? List.of() : rules.resourcesFor(exchange.getRequest(), caller);
        Long userId = caller == null ? null : caller.userId();
        LocalDate day = calendar.today();
        long ttl = calendar.secondsToNextDay() + 3600;
        return limiter.check(exchange, bucket, userId, resources, day, ttl)
                .onErrorResume(failure -> Mono.just(new Verdict.Unavailable("redis", failure)))
                .flatMap(decision -> decision instanceof Verdict.PlanUnknown
                        ? withLoadedPlan(exchange, chain, bucket, caller, resources, day, ttl)
                        : apply(exchange, chain, bucket, caller, resources, day, decision));
    }

    /** The plan was not in Redis yet (first request of a user, or evicted): load it once, then decide again. */
    private Mono<Void> withLoadedPlan(ServerWebExchange exchange, GatewayFilterChain chain, Bucket bucket, Caller caller,
            List<String> resources, LocalDate day, long ttl) {
        Mono<Verdict> verdict = entitlements.load(caller.userId(), caller.accessToken())
                .onErrorMap(failure -> new DependencyFailure("entitlements", failure))
                .then(limiter.check(exchange, bucket, caller.userId(), resources, day, ttl))
                .onErrorResume(failure -> Mono.just(failure instanceof DependencyFailure dependency
                        ? new Verdict.Unavailable(dependency.dependency, dependency.getCause())
                        : new Verdict.Unavailable("redis", failure)));
        return verdict.flatMap(decision -> apply(exchange, chain, bucket, caller, resources, day,
                decision instanceof Verdict.PlanUnknown
                        ? new Verdict.Unavailable("entitlements", new IllegalStateException("the plan was not stored"))
                        : decision));
    }

    private Mono<Void> apply(ServerWebExchange exchange, GatewayFilterChain chain, Bucket bucket, Caller caller,
            List<String> resources, LocalDate day, Verdict decision) {
        if (decision instanceof Verdict.Allowed allowed) {
            headers(exchange, bucket, allowed);
            if (!resources.isEmpty()) {
                usage.recorded(caller.userId(), resources, day);
            }
            return chain.filter(exchange);
        }
        if (decision instanceof Verdict.QuotaExceeded exceeded) {
            meters.counter("gateway.quota.denied", "resource", exceeded.resource()).increment();
            return QuotaResponses.quotaExceeded(exchange, exceeded, calendar.secondsToNextDay(), properties.upgradeUrl());
        }
        if (decision instanceof Verdict.BurstExceeded burst) {
            meters.counter("gateway.quota.denied", "resource", bucket.name()).increment();
            return QuotaResponses.burstExceeded(exchange, bucket, burst, properties.upgradeUrl());
        }
        Verdict.Unavailable unavailable = (Verdict.Unavailable) decision;
        boolean failClosed = resources.stream().anyMatch(properties.failClosedResources()::contains);
        meters.counter("gateway.ratelimit.store.failures", "dependency", unavailable.dependency(),
                "outcome", failClosed ? "rejected" : "allowed").increment();
        String outcome = failClosed ? "rejected" : "allowed";
        warnings.computeIfAbsent(unavailable.dependency(), dependency -> new LimiterWarnings(WARN_EVERY))
                .decided(decisions -> CorrelatedLog.run(exchange, () -> log.warn(
                        "Rate limiter could not reach {} ({}); request {} without limits ({} decisions since the last line)",
                        unavailable.dependency(), unavailable.cause().toString(), outcome, decisions)));
        return failClosed ? QuotaResponses.unavailable(exchange) : chain.filter(exchange);
    }

    private void headers(ServerWebExchange exchange, Bucket bucket, Verdict.Allowed allowed) {
        RateLimitHeaders headers = new RateLimitHeaders()
                .limit(bucket.name(), bucket.perMinute(), 60, allowed.burstRemaining(), (allowed.burstResetMillis() + 999) / 1000);
        long reset = calendar.secondsToNextDay();
        for (Verdict.Usage used : allowed.usages()) {
            if (!used.unlimited()) {
                headers.limit(used.resource(), used.limit(), RateLimitHeaders.DAY_SECONDS, used.remaining(), reset);
            }
        }
        headers.writeTo(exchange.getResponse().getHeaders());
    }

    private Bucket bucketOf(ServerWebExchange exchange, Caller caller) {
        if (caller == null) {
            InetSocketAddress address = addresses.resolve(exchange);
            String ip = address == null ? "unknown" : address.getAddress() == null ? address.getHostString()
                    : address.getAddress().getHostAddress();
            return new Bucket(QuotaKeys.ipBucket(ip), properties.ipPerMinute(), "requests_per_minute");
        }
        if (caller.viaApiKey()) {
            int perMinute = caller.apiKeyRatePerMinute() == null ? properties.apiKeyPerMinute() : caller.apiKeyRatePerMinute();
            return new Bucket(QuotaKeys.apiKeyBucket(caller.userId(), caller.apiKeyId()), perMinute, "requests_per_minute");
        }
        return new Bucket(QuotaKeys.userBucket(caller.userId()), properties.userPerMinute(), "requests_per_minute");
    }

    @Override
    public int getOrder() {
        return -10;
    }

    /** A failure of a named dependency while deciding, kept apart from Redis failures in metrics and logs. */
    private static final class DependencyFailure extends RuntimeException {
        private final String dependency;

        DependencyFailure(String dependency, Throwable cause) {
            super(cause);
            this.dependency = dependency;
        }
    }
}
