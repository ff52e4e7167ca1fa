package cl.compraagil.gateway.problem;

import cl.compraagil.gateway.correlation.CorrelatedLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The gateway's one exception-to-problem mapping: whatever escapes routing and filters leaves as
 * problem+json with a stable code and Spanish detail, never a stack trace or Spring's default error page.
 */
@Component
@Order(-2)
class GatewayErrorHandler implements ErrorWebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GatewayErrorHandler.class);

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
        if (exchange.getResponse().isCommitted() || isClientGone(failure)) {
            // the client hung up or the answer is already on its way: nothing left to tell anyone
            return Mono.empty();
        }
        HttpStatus status = failure instanceof ResponseStatusException statusException
                ? HttpStatus.resolve(statusException.getStatusCode().value())
                : HttpStatus.INTERNAL_SERVER_ERROR;
        if (status == null || status.is5xxServerError() && status != HttpStatus.SERVICE_UNAVAILABLE) {
            CorrelatedLog.run(exchange, () -> log.error("Request failed in the gateway", failure));
            status = status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
        }
        return ProblemResponses.write(exchange, status, code(status), detail(status));
    }

    private static boolean isClientGone(Throwable failure) {
        String name = failure.getClass().getSimpleName();
        return name.equals("AbortedException") || name.equals("ClosedChannelException")
                || failure instanceof java.io.IOException && String.valueOf(failure.getMessage()).contains("Connection reset");
    }

    static String code(HttpStatus status) {
        return switch (status.value()) {
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 413 -> "payload_too_large";
            case 431 -> "headers_too_large";
            case 415 -> "unsupported_media_type";
            case 400 -> "bad_request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 503, 502 -> "service_unavailable";
            case 504 -> "gateway_timeout";
            default -> status.is4xxClientError() ? "bad_request" : "internal_error";
        };
    }

    static String detail(HttpStatus status) {
        return switch (status.value()) {
            case 404 -> "La ruta solicitada no existe.";
            case 405 -> "El método HTTP no está permitido en esta ruta.";
            case 413 -> "El cuerpo de la solicitud es demasiado grande.";
            case 431 -> "Los encabezados de la solicitud son demasiado grandes.";
            case 415 -> "El tipo de contenido de la solicitud no es compatible.";
            case 401 -> "Debes iniciar sesión con un token válido.";
            case 403 -> "No tienes permiso para realizar esta acción.";
            case 503, 502, 504 ->
                    "El servicio no está disponible en este momento. Intenta nuevamente en unos segundos.";
            default -> status.is4xxClientError() ? "La solicitud no es válida."
                    : "Ocurrió un error inesperado. Intenta nuevamente.";
        };
    }
}
