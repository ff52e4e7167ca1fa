package cl.compraagil.ml.licitacion;

import cl.compraagil.problem.ApiProblem;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.client.loadbalancer.LoadBalancerClient;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.databind.JsonNode;

/**
 * Reads a licitación from licitacion-service, chosen through the load balancer (Eureka locally), forwarding
 * the caller's bearer token so that service applies its own authorization. Time-outs, one retry on I/O
 * errors and a circuit breaker; when it is down the caller gets a 503 problem, never a hang.
 */
@Component
public class LicitacionClient {

    private final LoadBalancerClient loadBalancer;
    private final RestClient http;
    private final String serviceId;
    private final CircuitBreaker breaker;
    private final Retry retry;

    LicitacionClient(LoadBalancerClient loadBalancer, LicitacionClientProperties properties) {
        this.loadBalancer = loadBalancer;
        this.serviceId = properties.serviceId();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build());
        factory.setReadTimeout(properties.readTimeout());
        this.http = RestClient.builder().requestFactory(factory).build();
        this.breaker = CircuitBreaker.of("licitacion-service", CircuitBreakerConfig.custom()
                .slidingWindowSize(10).minimumNumberOfCalls(5).failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofSeconds(20))
                .ignoreExceptions(HttpClientErrorException.class).build());
        this.retry = Retry.of("licitacion-service", RetryConfig.custom().maxAttempts(2)
                .waitDuration(Duration.ofMillis(200)).retryExceptions(ResourceAccessException.class).build());
    }

    public Licitacion fetch(String codigo, String bearerToken) {
        try {
            JsonNode body = Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(breaker,
                    () -> call(codigo, bearerToken))).get();
            return Licitacion.from(body);
        } catch (HttpClientErrorException.NotFound | HttpClientErrorException.Forbidden e) {
            throw ApiProblem.notFound("La licitación " + codigo);
        } catch (CallNotPermittedException | RestClientException | IllegalStateException e) {
            throw ApiProblem.unavailable("licitacion_service_unavailable",
                    "No pudimos obtener la licitación en este momento. Intenta nuevamente en unos minutos.");
        }
    }

    private JsonNode call(String codigo, String bearerToken) {
        ServiceInstance instance = loadBalancer.choose(serviceId);
        if (instance == null) {
            throw new IllegalStateException("No instance of " + serviceId);
        }
        URI uri = loadBalancer.reconstructURI(instance, URI.create("http://" + serviceId + "/api/v1/licitaciones/" + codigo));
        return http.get().uri(uri).header("Authorization", bearerToken).retrieve()
                .onStatus(HttpStatusCode::is5xxServerError, (request, response) -> {
                    throw new ResourceAccessException("licitacion-service answered " + response.getStatusCode());
                })
                .body(JsonNode.class);
    }
}
