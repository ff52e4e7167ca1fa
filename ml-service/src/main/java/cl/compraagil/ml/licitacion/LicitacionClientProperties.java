package cl.compraagil.ml.licitacion;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Where licitacion-service is (its discovery id) and how long to wait for it. */
@ConfigurationProperties("ml.licitacion-service")
record LicitacionClientProperties(
        @DefaultValue("licitacion-service") String serviceId,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("5s") Duration readTimeout) {
}
