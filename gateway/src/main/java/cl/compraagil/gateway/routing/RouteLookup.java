package cl.compraagil.gateway.routing;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_PREDICATE_ROUTE_ATTR;

import java.util.List;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscription;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.gateway.config.GlobalCorsProperties;
import org.springframework.cloud.gateway.event.RefreshRoutesResultEvent;
import org.springframework.cloud.gateway.handler.FilteringWebHandler;
import org.springframework.cloud.gateway.handler.RoutePredicateHandlerMapping;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.web.reactive.accept.ApiVersionStrategy;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.CoreSubscriber;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.util.context.Context;

/**
 * Spring Cloud Gateway's route mapping, with the lookup done in a loop. The stock mapping runs each request through
 * {@code getRoutes().filterWhen(predicate).next()}: a replay of the cached routes, a 256-slot buffer and an inner
 * subscriber per route tried, about 3 % of the gateway's CPU and 2 KB of garbage per request. Path predicates
 * answer while they are subscribed, so here each route's answer is read at once from a list kept at every refresh;
 * a predicate that answers later (one that reads the body, say) is awaited, and the lookup goes on from the next
 * route. Order, the attribute set while a predicate runs, a throwing predicate counting as no match and an error
 * signal failing the request are the stock mapping's.
 */
final class RouteLookup extends RoutePredicateHandlerMapping implements ApplicationListener<RefreshRoutesResultEvent> {

    private final RouteLocator routeLocator;
    private volatile List<Route> routes;

    RouteLookup(FilteringWebHandler webHandler, RouteLocator routeLocator, GlobalCorsProperties cors,
            Environment environment) {
        super(webHandler, routeLocator, cors, environment);
        this.routeLocator = routeLocator;
    }

    /** Keeps the routes of each successful refresh (a failed one leaves the cache, and so this list, as it was). */
    @Override
    public void onApplicationEvent(RefreshRoutesResultEvent event) {
        if (event.isSuccess()) {
            routeLocator.getRoutes().collectList().subscribe(refreshed -> routes = List.copyOf(refreshed));
        }
    }

    @Override
    protected Mono<Route> lookupRoute(ServerWebExchange exchange) {
        List<Route> known = routes;
        if (known == null) {
            return super.lookupRoute(exchange);
        }
        return Mono.deferContextual(context -> lookup(known, 0, exchange, Context.of(context)));
    }

    private Mono<Route> lookup(List<Route> known, int from, ServerWebExchange exchange, Context context) {
        for (int i = from; i < known.size(); i++) {
            Route route = known.get(i);
            Answer answer = new Answer(context);
            ask(route, exchange).subscribe(answer);
            if (!answer.isReady()) {
                int next = i + 1;
                return answer.later().flatMap(matched -> matched ? found(route, exchange)
                        : lookup(known, next, exchange, context));
            }
            if (answer.error != null) {
                return Mono.error(answer.error);
            }
            if (answer.matched) {
                return found(route, exchange);
            }
        }
        return Mono.empty();
    }

    private Publisher<Boolean> ask(Route route, ServerWebExchange exchange) {
        exchange.getAttributes().put(GATEWAY_PREDICATE_ROUTE_ATTR, route.getId());
        try {
            return route.getPredicate().apply(exchange);
        } catch (Exception failed) {
            logger.error("Error applying predicate for route: " + route.getId(), failed);
            return Mono.just(false);
        }
    }

    private Mono<Route> found(Route route, ServerWebExchange exchange) {
        if (logger.isDebugEnabled()) {
            logger.debug("Route matched: " + route.getId());
        }
        validateRoute(route, exchange);
        return Mono.just(route);
    }

    /**
     * One predicate's answer: its first value, and no value means no match, as for {@code filterWhen}. Read in place
     * when the predicate answered while it was subscribed; otherwise handed to {@link #later()}'s subscriber.
     */
    private static final class Answer implements CoreSubscriber<Boolean> {

        private final Context context;
        private Subscription subscription;
        private boolean matched;
        private Throwable error;
        private boolean done;
        private MonoSink<Boolean> waiting;

        Answer(Context context) {
            this.context = context;
        }

        @Override
        public Context currentContext() {
            return context;
        }

        @Override
        public void onSubscribe(Subscription subscription) {
            this.subscription = subscription;
            subscription.request(1);
        }

        @Override
        public void onNext(Boolean value) {
            subscription.cancel();
            finish(Boolean.TRUE.equals(value), null);
        }

        @Override
        public void onError(Throwable failure) {
            finish(false, failure);
        }

        @Override
        public void onComplete() {
            finish(false, null);
        }

        private void finish(boolean match, Throwable failure) {
            MonoSink<Boolean> sink;
            synchronized (this) {
                if (done) {
                    return;
                }
                matched = match;
                error = failure;
                done = true;
                sink = waiting;
            }
            if (sink != null) {
                deliver(sink);
            }
        }

        synchronized boolean isReady() {
            return done;
        }

        Mono<Boolean> later() {
            return Mono.create(sink -> {
                synchronized (this) {
                    if (!done) {
                        waiting = sink;
                        return;
                    }
                }
                deliver(sink);
            });
        }

        private void deliver(MonoSink<Boolean> sink) {
            if (error != null) {
                sink.error(error);
            } else {
                sink.success(matched);
            }
        }
    }

    /** In place of the stock mapping, whose bean steps aside for another {@link RoutePredicateHandlerMapping}. */
    @Configuration(proxyBeanMethods = false)
    static class Mapping {

        @Bean
        RouteLookup routePredicateHandlerMapping(FilteringWebHandler webHandler, RouteLocator routeLocator,
                GlobalCorsProperties cors, Environment environment, ObjectProvider<ApiVersionStrategy> versions) {
            RouteLookup lookup = new RouteLookup(webHandler, routeLocator, cors, environment);
            versions.ifAvailable(lookup::setApiVersionStrategy);
            return lookup;
        }
    }
}
