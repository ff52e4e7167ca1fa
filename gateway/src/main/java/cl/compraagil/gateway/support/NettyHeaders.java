package cl.compraagil.gateway.support;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.AbstractServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.http.support.Netty4HeadersAdapter;
import reactor.netty.Connection;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * Walks the headers a client sent, each name and value once. Over Reactor Netty it reads Netty's own header
 * list; Spring's view of it ({@code HttpHeaders.headerSet()}, {@code forEach}) builds a list per name on every
 * walk, which showed in profiles of the filters that look at every header. Other requests (mock exchanges in
 * tests) are walked through Spring's view.
 *
 * <p>Header sets the proxy builds travel as a {@link View}: Spring's type for the header filters' contract, with
 * the Netty list under it at hand, so that they are copied and written without Spring's per-walk copies.
 */
public final class NettyHeaders {

    /**
     * Spring's request as Reactor Netty received it (not public). A request changed through {@code mutate()} is
     * another class, whose headers are a copy even though its native request is still the received one.
     */
    private static final Class<?> RECEIVED_REQUEST = receivedRequestClass();

    /** Spring's headers over a Netty header list, which stays reachable through {@link #netty()}. */
    public static final class View extends HttpHeaders {

        private final io.netty.handler.codec.http.HttpHeaders netty;

        private View(io.netty.handler.codec.http.HttpHeaders netty) {
            super(new Netty4HeadersAdapter(netty));
            this.netty = netty;
        }

        public io.netty.handler.codec.http.HttpHeaders netty() {
            return netty;
        }
    }

    /** Spring's headers over {@code netty}: changes through either are changes to the same list. */
    public static View view(io.netty.handler.codec.http.HttpHeaders netty) {
        return new View(netty);
    }

    /** The Netty list under {@code headers} when they are a {@link View}, or null. */
    public static io.netty.handler.codec.http.HttpHeaders nativeOf(HttpHeaders headers) {
        return headers instanceof View view ? view.netty() : null;
    }

    /**
     * The Netty list under {@code headers}, or null when there is none to read directly: headers are over one when
     * they are a {@link View}, or when they are the client's request headers exactly as Reactor Netty received them
     * ({@code request}'s own, not a changed copy).
     */
    public static io.netty.handler.codec.http.HttpHeaders nativeOf(HttpHeaders headers, ServerHttpRequest request) {
        io.netty.handler.codec.http.HttpHeaders view = nativeOf(headers);
        if (view != null) {
            return view;
        }
        ServerHttpRequest received = request;
        while (received instanceof ServerHttpRequestDecorator decorator) {
            received = decorator.getDelegate();
        }
        return received != null && received.getClass() == RECEIVED_REQUEST && received.getHeaders() == headers
                ? nettyHeaders(received) : null;
    }

    private static Class<?> receivedRequestClass() {
        try {
            return Class.forName("org.springframework.http.server.reactive.ReactorServerHttpRequest", false,
                    AbstractServerHttpRequest.class.getClassLoader());
        } catch (ClassNotFoundException absent) {
            return null; // no request is of this class then
        }
    }

    /** Receives one header line: a name and one of its values. */
    @FunctionalInterface
    public interface Visitor {
        /** Returns false to stop the walk. */
        boolean visit(CharSequence name, CharSequence value);
    }

    private NettyHeaders() {
    }

    /** Visits every header line of the client's request until the visitor returns false; true if it never did. */
    public static boolean each(ServerHttpRequest request, Visitor visitor) {
        io.netty.handler.codec.http.HttpHeaders netty = nettyHeaders(request);
        if (netty != null) {
            for (Iterator<Map.Entry<CharSequence, CharSequence>> lines = netty.iteratorCharSequence(); lines.hasNext(); ) {
                Map.Entry<CharSequence, CharSequence> line = lines.next();
                if (!visitor.visit(line.getKey(), line.getValue())) {
                    return false;
                }
            }
            return true;
        }
        for (Map.Entry<String, List<String>> header : request.getHeaders().headerSet()) {
            for (String value : header.getValue()) {
                if (!visitor.visit(header.getKey(), value)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The Netty headers of the gateway's answer, or null when it is not a Reactor Netty one (mock exchanges in tests). */
    public static io.netty.handler.codec.http.HttpHeaders of(ServerHttpResponse response) {
        try {
            Object nativeResponse = ServerHttpResponseDecorator.getNativeResponse(response);
            return nativeResponse instanceof HttpServerResponse served ? served.responseHeaders() : null;
        } catch (IllegalArgumentException | IllegalStateException notNetty) {
            return null;
        }
    }

    private static io.netty.handler.codec.http.HttpHeaders nettyHeaders(ServerHttpRequest request) {
        return servedBy(request) instanceof HttpServerRequest served ? served.requestHeaders() : null;
    }

    /**
     * The Reactor Netty connection a request arrived on (its channel tells the event loop serving it), or null for
     * requests that did not come through Reactor Netty (mock exchanges in tests).
     */
    public static Connection servedBy(ServerHttpRequest request) {
        try {
            Object nativeRequest = ServerHttpRequestDecorator.getNativeRequest(request);
            return nativeRequest instanceof Connection connection ? connection : null;
        } catch (IllegalArgumentException | IllegalStateException notNetty) {
            return null;
        }
    }
}
