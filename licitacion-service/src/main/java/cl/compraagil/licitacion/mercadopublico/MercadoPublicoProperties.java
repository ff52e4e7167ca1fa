package cl.compraagil.licitacion.mercadopublico;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Access to Mercado Público. Without a ticket ({@code MERCADOPUBLICO_TICKET}) nothing is called and the
 * recorded fixtures plus generated opportunities are loaded instead. One ticket serves both APIs, so calls of
 * both share one lane: never two at once, spaced by {@code minInterval}.
 */
@ConfigurationProperties("mercadopublico")
public record MercadoPublicoProperties(
        String ticket,
        @DefaultValue("https://api2.mercadopublico.cl") URI compraAgilBaseUrl,
        @DefaultValue("https://api.mercadopublico.cl") URI v1BaseUrl,
        @DefaultValue("50") int pageSize,
        @DefaultValue("10000") int v1DailyBudget,
        @DefaultValue("10000") int compraAgilDailyBudget,
        @DefaultValue("4s") Duration minInterval,
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("40s") Duration readTimeout,
        @DefaultValue("4") int maxAttempts,
        @DefaultValue("30s") Duration initialBackoff,
        @DefaultValue("120s") Duration maxBackoff,
        @DefaultValue("15m") Duration maxRetryAfter,
        @DefaultValue("50") float circuitFailureRate,
        @DefaultValue("10m") Duration circuitOpenFor) {

    public boolean hasTicket() {
        return ticket != null && !ticket.isBlank();
    }
}
