package cl.compraagil.notification.alert;

import cl.compraagil.notification.entitlement.Entitlement;
import cl.compraagil.notification.entitlement.Entitlements;
import cl.compraagil.problem.ApiProblem;
import cl.compraagil.security.AuthenticatedUser;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Alert rule management, within the number of rules and the channels the caller's plan allows. A rule created
 * inside an organization (the token's active organization) is shared with its members: every member sees it,
 * its creator and the organization's owners and admins may change or delete it, and it keeps notifying its
 * creator, whose plan counts it. Rules of other organizations and other users stay invisible (404).
 */
@Service
class AlertRules {

    static final LocalTime DEFAULT_QUIET_START = LocalTime.of(21, 0);
    static final LocalTime DEFAULT_QUIET_END = LocalTime.of(8, 0);
    static final String DEFAULT_TIMEZONE = "America/Santiago";

    private final AlertRuleRepository repository;
    private final Entitlements entitlements;
    private final AlertProperties properties;

    AlertRules(AlertRuleRepository repository, Entitlements entitlements, AlertProperties properties) {
        this.repository = repository;
        this.entitlements = entitlements;
        this.properties = properties;
    }

    static final Set<String> MANAGING_ROLES = Set.of("owner", "admin");

    List<AlertRule> list(AuthenticatedUser user) {
        return repository.visibleTo(user.id(), user.organizationId());
    }

    AlertRule get(AuthenticatedUser user, long id) {
        return repository.findVisible(user.id(), user.organizationId(), id)
                .orElseThrow(() -> ApiProblem.notFound("La alerta"));
    }

    @Transactional
    AlertRule create(AuthenticatedUser user, AlertRuleRequest request) {
        Entitlement entitlement = entitlements.of(user.id());
        long existing = repository.countForUpdate(user.id());
        if (!entitlement.allowsAnotherRule(existing)) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "alert_rule_limit_reached", entitlement.alertRulesLimit() == 0
                    ? "Tu plan no incluye alertas. Mejora tu plan para recibir oportunidades automáticamente."
                    : "Alcanzaste el máximo de " + entitlement.alertRulesLimit() + " alertas de tu plan.")
                    .with("current_plan", entitlement.plan()).with("limit", entitlement.alertRulesLimit())
                    .with("resource", "alert_rules").with("upgrade_url", properties.upgradeUrl());
        }
        checkChannels(entitlement, request);
        long id = repository.insert(toRule(0, user.id(), user.organizationId(), request));
        return get(user, id);
    }

    @Transactional
    AlertRule update(AuthenticatedUser user, long id, AlertRuleRequest request) {
        AlertRule existing = manageable(user, id);
        // the rule keeps notifying its creator, through the channels the creator's plan allows
        checkChannels(entitlements.of(existing.userId()), request);
        repository.update(toRule(id, existing.userId(), existing.organizationId(), request));
        return get(user, id);
    }

    @Transactional
    void delete(AuthenticatedUser user, long id) {
        AlertRule existing = manageable(user, id);
        if (!repository.delete(existing.userId(), id)) {
            throw ApiProblem.notFound("La alerta");
        }
    }

    /** A rule the caller may change: their own, or one of their organization's if they manage it. */
    private AlertRule manageable(AuthenticatedUser user, long id) {
        AlertRule rule = get(user, id);
        boolean own = rule.userId() == user.id();
        if (!own && (user.organizationRole() == null || !MANAGING_ROLES.contains(user.organizationRole()))) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "forbidden",
                    "Solo quien creó la alerta o un administrador de la organización puede modificarla.");
        }
        return rule;
    }

    private void checkChannels(Entitlement entitlement, AlertRuleRequest request) {
        if (request.channels().contains("webhook") && !entitlement.customerWebhooks()) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "feature_not_in_plan",
                    "El canal webhook está disponible desde el plan Profesional.")
                    .with("current_plan", entitlement.plan()).with("upgrade_url", properties.upgradeUrl());
        }
    }

    private static AlertRule toRule(long id, long userId, Long organizationId, AlertRuleRequest r) {
        boolean quiet = r.quietHoursEnabled() == null || r.quietHoursEnabled();
        return new AlertRule(id, userId, organizationId, r.name().trim(), clean(r.keywords()),
                clean(r.excludedKeywords()), clean(r.regions()), clean(r.organismos()), clean(r.unspscCodes()),
                r.minAmount(), r.maxAmount(), r.tipo(), r.channels().stream().distinct().toList(),
                quiet ? time(r.quietHoursStart(), DEFAULT_QUIET_START) : null,
                quiet ? time(r.quietHoursEnd(), DEFAULT_QUIET_END) : null,
                r.timezone() == null ? DEFAULT_TIMEZONE : r.timezone(),
                r.dailyCap() == null ? 20 : r.dailyCap(), r.delivery() == null ? "instant" : r.delivery(),
                r.active() == null || r.active(), null, null);
    }

    private static List<String> clean(List<String> values) {
        return values == null ? List.of() : values.stream().map(String::trim).filter(v -> !v.isEmpty()).distinct().toList();
    }

    private static LocalTime time(String text, LocalTime fallback) {
        return text == null ? fallback : LocalTime.parse(text);
    }
}
