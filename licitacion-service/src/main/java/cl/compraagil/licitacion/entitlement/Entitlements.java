package cl.compraagil.licitacion.entitlement;

import org.springframework.stereotype.Service;

/** The plan limits of a user as last announced by subscription-service, or the free plan's. */
@Service
public class Entitlements {

    public static final String UPGRADE_URL = "/api/v1/subscriptions/plans";

    private final EntitlementStore store;

    Entitlements(EntitlementStore store) {
        this.store = store;
    }

    public void forgetUser(long userId) {
        store.delete(userId);
    }

    public PlanLimits of(long userId) {
        return store.find(userId).filter(limits -> "active".equals(limits.status()) || "trialing".equals(limits.status())
                || "past_due".equals(limits.status())).orElse(PlanLimits.FREE);
    }
}
