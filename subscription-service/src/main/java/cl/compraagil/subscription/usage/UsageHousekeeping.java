package cl.compraagil.subscription.usage;

import cl.compraagil.subscription.account.UserDeleted;
import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Drops a deleted user's usage, and daily counters older than a week (monthly totals stay). */
@Component
class UsageHousekeeping {

    private final UsageRepository usage;
    private final Clock clock;

    UsageHousekeeping(UsageRepository usage, Clock clock) {
        this.usage = usage;
        this.clock = clock;
    }

    @EventListener
    void onUserDeleted(UserDeleted event) {
        usage.delete(event.userId());
    }

    @Scheduled(cron = "0 17 4 * * *", zone = "America/Santiago")
    void pruneOldDays() {
        usage.pruneDaysBefore(ChileCalendar.today(clock).minusDays(7));
    }
}
