package cl.compraagil.subscription.usage;

import java.time.LocalDate;
import java.util.List;

/** A user's usage today (Chile's calendar day) against the daily limits, and this month's totals. */
public record UsageView(String plan, String status, LocalDate day, String month, List<ResourceUsage> resources) {

    /** {@code dailyLimit} and {@code remainingToday} are null when the resource is unlimited or has no daily limit. */
    public record ResourceUsage(String resource, int usedToday, Integer dailyLimit, Integer remainingToday, int usedThisMonth) {
    }
}
