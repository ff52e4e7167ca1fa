package cl.compraagil.notification.alert;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Matches opportunities against every active rule through the in-memory {@link AlertRuleIndex}. Before each
 * event it reads one version number; when any replica changed a rule the index is rebuilt from the database.
 */
@Component
class AlertMatcher {

    private static final Logger log = LoggerFactory.getLogger(AlertMatcher.class);

    private final AlertRuleRepository repository;
    private volatile AlertRuleIndex index;

    AlertMatcher(AlertRuleRepository repository) {
        this.repository = repository;
    }

    List<AlertRule> match(Licitacion licitacion) {
        return current().match(licitacion);
    }

    private AlertRuleIndex current() {
        long version = repository.version();
        AlertRuleIndex snapshot = index;
        if (snapshot == null || snapshot.version() != version) {
            synchronized (this) {
                snapshot = index;
                if (snapshot == null || snapshot.version() != version) {
                    snapshot = AlertRuleIndex.build(repository.allActive(), version);
                    index = snapshot;
                    log.debug("Alert rule index rebuilt: {} active rules, version {}", snapshot.size(), version);
                }
            }
        }
        return snapshot;
    }
}
