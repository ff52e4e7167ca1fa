package cl.compraagil.notification.alert;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Where users are sent to upgrade, and the web address of an opportunity in messages. */
@ConfigurationProperties("notification.alerts")
record AlertProperties(
        @DefaultValue("http://localhost:8080/precios") String upgradeUrl,
        @DefaultValue("http://localhost:8080/licitaciones/") String licitacionBaseUrl) {
}
