package cl.compraagil.licitacion.entitlement;

/**
 * The limits of a user's plan this service enforces; null means unlimited. Users whose plan this service
 * has not heard of yet get the free plan's limits.
 */
public record PlanLimits(String plan, String status, Integer savedLicitaciones, Integer exportsPerMonth) {

    public static final PlanLimits FREE = new PlanLimits("free", "active", 5, 0);
}
