package cl.compraagil.notification.alert;

import cl.compraagil.events.EventEnvelope;
import cl.compraagil.notification.events.EventHandler;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/** Matches every new opportunity against all active alert rules and fans the matches out. */
@Component
class LicitacionEvents implements EventHandler {

    private final AlertMatcher matcher;
    private final AlertFanOut fanOut;
    private final Timer matchTimer;

    LicitacionEvents(AlertMatcher matcher, AlertFanOut fanOut, MeterRegistry meters) {
        this.matcher = matcher;
        this.fanOut = fanOut;
        this.matchTimer = Timer.builder("notification.alerts.match").description("Time to match one licitacion against all rules")
                .register(meters);
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of("licitacion.new");
    }

    @Override
    public void handle(EventEnvelope event) {
        Licitacion licitacion = Licitacion.from(event.data());
        List<AlertRule> matched = matchTimer.record(() -> matcher.match(licitacion));
        for (AlertRule rule : matched) {
            fanOut.deliver(rule, licitacion);
        }
    }
}
