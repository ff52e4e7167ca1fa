package cl.compraagil.gateway.limits;

import cl.compraagil.gateway.edge.EdgeFilter;
import cl.compraagil.gateway.problem.ProblemResponses;
import cl.compraagil.gateway.support.NettyHeaders;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Refuses oversized requests before any work is done: headers over the limit get 431, a declared body
 * over the limit 413 at once, and a chunked body is cut off with 413 as soon as it crosses the limit.
 * Netty's own header limit is set higher so that this filter, not Netty, answers with a problem body.
 */
@Component
class RequestLimitsFilter implements EdgeFilter {

    private final long maxBody;
    private final long maxHeaders;

    RequestLimitsFilter(RequestLimitsProperties properties) {
        this.maxBody = properties.maxBodySize().toBytes();
        this.maxHeaders = properties.maxHeaderSize().toBytes();
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (headerBytes(request) > maxHeaders) {
            return ProblemResponses.write(exchange, HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "headers_too_large",
                    "Los encabezados de la solicitud superan el máximo de " + kilobytes(maxHeaders) + " KB.");
        }
        long declared = request.getHeaders().getContentLength();
        if (declared > maxBody) {
            return tooLarge(exchange);
        }
        if (declared >= 0) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate().request(new LimitedBody(request, maxBody)).build());
    }

    private Mono<Void> tooLarge(ServerWebExchange exchange) {
        return ProblemResponses.write(exchange, HttpStatus.CONTENT_TOO_LARGE, "payload_too_large",
                "El cuerpo de la solicitud supera el máximo de " + kilobytes(maxBody) + " KB.", Map.of());
    }

    private static long headerBytes(ServerHttpRequest request) {
        long[] total = {0};
        NettyHeaders.each(request, (name, value) -> {
            total[0] += name.length() + value.length() + 4;
            return true;
        });
        return total[0];
    }

    private static long kilobytes(long bytes) {
        return bytes / 1024;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    /** A body without Content-Length, counted as it streams. */
    private static final class LimitedBody extends ServerHttpRequestDecorator {
        private final long max;

        LimitedBody(ServerHttpRequest delegate, long max) {
            super(delegate);
            this.max = max;
        }

        @Override
        public Flux<DataBuffer> getBody() {
            AtomicLong seen = new AtomicLong();
            return super.getBody().doOnNext(buffer -> {
                if (seen.addAndGet(buffer.readableByteCount()) > max) {
                    DataBufferUtils.release(buffer);
                    throw new ResponseStatusException(HttpStatus.CONTENT_TOO_LARGE);
                }
            });
        }
    }
}
