package cl.compraagil.gateway.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/** The largest request the gateway passes on: body and the sum of all header lines. */
@ConfigurationProperties("gateway.request-limits")
record RequestLimitsProperties(
        @DefaultValue("1MB") DataSize maxBodySize,
        @DefaultValue("16KB") DataSize maxHeaderSize) {
}
