package cl.compraagil.notification.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpResponse;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Posts one signed message to a customer endpoint over pooled keep-alive connections: no redirects followed (3xx is
 * a failure), a connect time-out and a deadline for the whole exchange, only the first bytes of the answer kept for
 * the log. The SSRF guard runs again when a connection is opened, on the very addresses it connects to, so a name
 * that re-resolves to an internal address after the dispatcher's check (DNS rebinding) is still refused.
 */
@Component
class WebhookSender implements DisposableBean {

    private static final int SNIPPET = 1024;

    private final CloseableHttpClient http;
    private final Duration requestTimeout;
    private final ScheduledExecutorService deadlines;

    WebhookSender(WebhookProperties properties, SsrfGuard guard) {
        this.requestTimeout = properties.requestTimeout();
        this.http = HttpClients.custom()
                .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                        .setDnsResolver(new GuardedResolver(guard))
                        .setMaxConnPerRoute(properties.concurrency())
                        .setMaxConnTotal(Math.max(properties.concurrency() * 4, 32))
                        .setDefaultConnectionConfig(ConnectionConfig.custom()
                                .setConnectTimeout(Timeout.of(properties.connectTimeout()))
                                .setSocketTimeout(Timeout.of(properties.requestTimeout()))
                                .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                                .setTimeToLive(TimeValue.ofMinutes(5))
                                .build())
                        .build())
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setConnectionRequestTimeout(Timeout.of(properties.connectTimeout()))
                        .setResponseTimeout(Timeout.of(properties.requestTimeout()))
                        .setRedirectsEnabled(false)
                        .build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableContentCompression()
                .setUserAgent("CompraAgil-Webhooks/1.0")
                .evictIdleConnections(TimeValue.ofSeconds(30))
                .build();
        this.deadlines = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "webhook-deadlines");
            thread.setDaemon(true);
            return thread;
        });
    }

    DeliveryAttempt send(URI url, List<String> secrets, String msgId, String body) {
        long timestamp = Instant.now().getEpochSecond();
        HttpPost request = new HttpPost(url);
        request.setHeader("webhook-id", msgId);
        request.setHeader("webhook-timestamp", Long.toString(timestamp));
        request.setHeader("webhook-signature", WebhookSigner.signatureHeader(secrets, msgId, timestamp, body));
        request.setEntity(new ByteArrayEntity(body.getBytes(StandardCharsets.UTF_8), ContentType.APPLICATION_JSON));
        long start = System.nanoTime();
        // a receiver that trickles its answer would otherwise hold a worker for as long as it likes
        ScheduledFuture<?> deadline = deadlines.schedule(request::cancel, requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
        try {
            CloseableHttpResponse response = http.execute(request);
            String snippet = readSnippetAndRelease(response);
            long latency = Duration.ofNanos(System.nanoTime() - start).toMillis();
            Header retryAfter = response.getFirstHeader("Retry-After");
            return new DeliveryAttempt(response.getCode(), latency, snippet, null,
                    RetryAfter.parse(retryAfter == null ? null : retryAfter.getValue()), false);
        } catch (BlockedAddress e) {
            return DeliveryAttempt.blocked(e.getMessage());
        } catch (IOException e) {
            return request.isCancelled() ? failure(start, "Tiempo de espera agotado")
                    : failure(start, e instanceof java.net.SocketTimeoutException ? "Tiempo de espera agotado"
                            : "Error de conexión: " + e.getClass().getSimpleName());
        } finally {
            deadline.cancel(false);
        }
    }

    /**
     * The first bytes of the answer. A short answer read to its end returns the connection to the pool; a longer one
     * is not drained: its connection is dropped instead.
     */
    private static String readSnippetAndRelease(CloseableHttpResponse response) throws IOException {
        HttpEntity entity = response.getEntity();
        byte[] head = new byte[0];
        boolean complete = true;
        try {
            if (entity != null) {
                InputStream in = entity.getContent();
                head = in.readNBytes(SNIPPET);
                complete = in.read() == -1;
            }
        } finally {
            if (complete) {
                response.close();
            } else {
                response.close(CloseMode.IMMEDIATE);
            }
        }
        return new String(head, StandardCharsets.UTF_8);
    }

    private static DeliveryAttempt failure(long start, String error) {
        return new DeliveryAttempt(null, Duration.ofNanos(System.nanoTime() - start).toMillis(), null, error, null, false);
    }

    @Override
    public void destroy() {
        deadlines.shutdownNow();
        http.close(CloseMode.GRACEFUL);
    }

    /** Thrown at connect time when a resolved address is internal and not allow-listed. */
    static final class BlockedAddress extends UnknownHostException {

        BlockedAddress(String message) {
            super(message);
        }
    }

    /** Resolves like the system resolver, then refuses the whole name if any address is one the guard forbids. */
    private record GuardedResolver(SsrfGuard guard) implements DnsResolver {

        @Override
        public InetAddress[] resolve(String host) throws UnknownHostException {
            InetAddress[] addresses = InetAddress.getAllByName(host);
            for (InetAddress address : addresses) {
                if (guard.refused(host, address)) {
                    throw new BlockedAddress("La URL apunta a una dirección interna o reservada, que no se permite para webhooks.");
                }
            }
            return addresses;
        }

        @Override
        public String resolveCanonicalHostname(String host) throws UnknownHostException {
            return InetAddress.getByName(host).getCanonicalHostName();
        }
    }
}
