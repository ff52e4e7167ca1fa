package cl.compraagil.gateway.routing;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.CLIENT_RESPONSE_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.CLIENT_RESPONSE_CONN_ATTR;

import io.netty.buffer.ByteBuf;
import java.util.List;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.cloud.gateway.filter.headers.TrailerHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;
import reactor.netty.Connection;
import reactor.netty.http.client.HttpClientResponse;

/**
 * Writes a service's answer to the client, in place of Spring Cloud Gateway's {@link NettyWriteResponseFilter}
 * (same order, same contract: it runs once the proxy filter has the service's response, and a cancelled or
 * failed exchange closes the service connection).
 *
 * <p>An answer framed by {@code Content-Length} of at most {@value #GATHER_UP_TO} bytes, the usual JSON of the
 * suite's APIs, is gathered first and sent with its status line and headers as one message, in one write to the
 * socket. The stock filter sends the headers, then each piece of the body, as separate writes: one more system
 * call for the gateway and one more wake-up and read for the client on every answer. Larger answers, answers
 * without a length (chunked) and streaming media types are passed on piece by piece as they arrive, as before.
 */
final class ProxyResponseWriter implements GlobalFilter, Ordered {

    static final int GATHER_UP_TO = 64 * 1024;

    private final List<MediaType> streamingTypes;
    private final ProxyFilters.HeaderFilters headersFilters;

    ProxyResponseWriter(List<MediaType> streamingTypes, ProxyFilters.HeaderFilters headersFilters) {
        this.streamingTypes = List.copyOf(streamingTypes);
        this.headersFilters = headersFilters;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return chain.filter(exchange)
                .then(Mono.defer(() -> write(exchange)))
                .doFinally(signal -> {
                    if (signal == SignalType.CANCEL || signal == SignalType.ON_ERROR) {
                        Connection connection = exchange.getAttribute(CLIENT_RESPONSE_CONN_ATTR);
                        if (connection != null) {
                            connection.dispose();
                        }
                    }
                });
    }

    private Mono<Void> write(ServerWebExchange exchange) {
        Connection connection = exchange.getAttribute(CLIENT_RESPONSE_CONN_ATTR);
        if (connection == null) {
            return Mono.empty();
        }
        ServerHttpResponse response = exchange.getResponse();
        boolean streaming = streaming(response);
        HttpStatusCode status = response.getStatusCode();
        if (gathers(exchange.getRequest().getMethod(), status == null ? 200 : status.value(),
                response.getHeaders().getContentLength(), streaming)) {
            Mono<DataBuffer> whole = connection.inbound().receive().aggregate().retain()
                    .map(buffer -> wrap(buffer, response.bufferFactory()));
            return response.writeWith(whole);
        }
        Flux<DataBuffer> body = connection.inbound().receive().retain()
                .map(buffer -> wrap(buffer, response.bufferFactory()));
        Mono<Void> written = streaming ? response.writeAndFlushWith(body.map(Flux::just)) : response.writeWith(body);
        HttpClientResponse serviceResponse = exchange.getAttribute(CLIENT_RESPONSE_ATTR);
        return written.then(TrailerHeadersFilter.filter(headersFilters.get(), exchange, serviceResponse)).then();
    }

    /** A body of known, small length, on an answer that has one (not to HEAD, not 204 or 304), and not a stream. */
    static boolean gathers(HttpMethod method, int status, long contentLength, boolean streaming) {
        if (contentLength <= 0 || contentLength > GATHER_UP_TO || method == HttpMethod.HEAD) {
            return false;
        }
        return status != HttpStatus.NO_CONTENT.value() && status != HttpStatus.NOT_MODIFIED.value()
                && !streaming;
    }

    private boolean streaming(ServerHttpResponse response) {
        MediaType type;
        try {
            type = response.getHeaders().getContentType();
        } catch (RuntimeException unparseable) {
            // a service's malformed Content-Type is passed on as it is, and not streamed
            return false;
        }
        if (type == null) {
            return false;
        }
        for (MediaType streamingType : streamingTypes) {
            if (streamingType.isCompatibleWith(type)) {
                return true;
            }
        }
        return false;
    }

    private static DataBuffer wrap(ByteBuf buffer, DataBufferFactory factory) {
        if (factory instanceof NettyDataBufferFactory netty) {
            return netty.wrap(buffer);
        }
        // a mock response (tests): a copy, and the Netty buffer goes back to its pool
        try {
            DataBuffer copy = factory.allocateBuffer(buffer.readableBytes());
            copy.write(buffer.nioBuffer());
            return copy;
        } finally {
            buffer.release();
        }
    }

    @Override
    public int getOrder() {
        return NettyWriteResponseFilter.WRITE_RESPONSE_FILTER_ORDER;
    }
}
