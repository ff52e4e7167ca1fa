package cl.compraagil.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_PREDICATE_ROUTE_ATTR;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.gateway.config.GlobalCorsProperties;
import org.springframework.cloud.gateway.event.RefreshRoutesResultEvent;
import org.springframework.cloud.gateway.handler.AsyncPredicate;
import org.springframework.cloud.gateway.handler.FilteringWebHandler;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;
import reactor.util.context.Context;

class RouteLookupTest {

    private final List<String> asked = new ArrayList<>();
    private final List<Route> routes = new ArrayList<>();
    private final RouteLookup lookup = new RouteLookup(new FilteringWebHandler(List.of(), false),
            () -> Flux.fromIterable(routes), new GlobalCorsProperties(), new StandardEnvironment());

    @Test
    void theFirstMatchingRouteInOrderWinsAndLaterOnesAreNotAsked() {
        refresh(route("auth", false), route("licitaciones", true), route("also-matches", true));

        StepVerifier.create(lookup.lookupRoute(exchange())).expectNextMatches(named("licitaciones")).verifyComplete();

        assertThat(asked).containsExactly("auth", "licitaciones");
    }

    @Test
    void eachPredicateRunsWithItsRouteNamedOnTheExchange() {
        ServerWebExchange exchange = exchange();
        List<Object> named = new ArrayList<>();
        refresh(route("a", ex -> {
            named.add(ex.getAttribute(GATEWAY_PREDICATE_ROUTE_ATTR));
            return Mono.just(false);
        }), route("b", ex -> {
            named.add(ex.getAttribute(GATEWAY_PREDICATE_ROUTE_ATTR));
            return Mono.just(true);
        }));

        StepVerifier.create(lookup.lookupRoute(exchange)).expectNextCount(1).verifyComplete();

        assertThat(named).containsExactly("a", "b");
    }

    @Test
    void noMatchingRouteGivesNoRoute() {
        refresh(route("a", false), route("b", false));

        StepVerifier.create(lookup.lookupRoute(exchange())).verifyComplete();

        assertThat(asked).containsExactly("a", "b");
    }

    @Test
    void aPredicateThatAnswersLaterIsAwaitedAndTheLookupGoesOnAfterIt() {
        refresh(route("slow-no", ex -> Mono.delay(Duration.ofMillis(30)).thenReturn(false)),
                route("empty", ex -> Mono.empty()),
                route("slow-yes", ex -> Mono.delay(Duration.ofMillis(30)).thenReturn(true)),
                route("never", true));

        StepVerifier.create(lookup.lookupRoute(exchange())).expectNextMatches(named("slow-yes"))
                .verifyComplete();

        assertThat(asked).doesNotContain("never");
    }

    @Test
    void aPredicatesFirstAnswerDecidesAsInTheStockMapping() {
        refresh(route("no-then-yes", ex -> Flux.just(false, true)), route("next", true));

        StepVerifier.create(lookup.lookupRoute(exchange())).expectNextMatches(named("next")).verifyComplete();
    }

    @Test
    void aPredicateThatThrowsIsNoMatchAndTheNextRouteIsTried() {
        refresh(route("broken", ex -> {
            throw new IllegalStateException("broken predicate");
        }), route("next", true));

        StepVerifier.create(lookup.lookupRoute(exchange())).expectNextMatches(named("next")).verifyComplete();
    }

    @Test
    void aPredicateThatSignalsAnErrorFailsTheLookupAsTheStockMappingDoes() {
        refresh(route("failing", ex -> Mono.error(new IllegalStateException("no answer"))), route("next", true));

        StepVerifier.create(lookup.lookupRoute(exchange())).verifyErrorMessage("no answer");
        StepVerifier.create(lookup.lookupRoute(exchange())).verifyErrorMessage("no answer");
    }

    @Test
    void predicatesSeeTheRequestsReactorContext() {
        List<String> seen = new ArrayList<>();
        refresh(route("contextual", ex -> Mono.deferContextual(context -> {
            seen.add(context.getOrDefault("tenant", "none"));
            return Mono.just(true);
        })));

        StepVerifier.create(lookup.lookupRoute(exchange()).contextWrite(Context.of("tenant", "t-1")))
                .expectNextCount(1).verifyComplete();

        assertThat(seen).containsExactly("t-1");
    }

    @Test
    void beforeTheFirstRefreshTheRoutesAreReadFromTheLocatorEachTime() {
        routes.add(route("a", false));
        routes.add(route("b", true));

        StepVerifier.create(lookup.lookupRoute(exchange())).expectNextMatches(named("b")).verifyComplete();
    }

    @Test
    void aFailedRefreshKeepsTheRoutesOfTheLastSuccessfulOne() {
        refresh(route("kept", true));
        routes.clear();
        routes.add(route("new", true));

        lookup.onApplicationEvent(new RefreshRoutesResultEvent(this, new IllegalStateException("refresh failed")));
        StepVerifier.create(lookup.lookupRoute(exchange())).expectNextMatches(named("kept")).verifyComplete();

        lookup.onApplicationEvent(new RefreshRoutesResultEvent(this));
        StepVerifier.create(lookup.lookupRoute(exchange())).expectNextMatches(named("new")).verifyComplete();
    }

    private void refresh(Route... current) {
        routes.clear();
        routes.addAll(List.of(current));
        lookup.onApplicationEvent(new RefreshRoutesResultEvent(this));
    }

    private Route route(String id, boolean matches) {
        return route(id, exchange -> Mono.just(matches));
    }

    private Route route(String id, AsyncPredicate<ServerWebExchange> predicate) {
        AsyncPredicate<ServerWebExchange> counted = exchange -> {
            asked.add(id);
            return predicate.apply(exchange);
        };
        return Route.async().id(id).uri("http://127.0.0.1:1").asyncPredicate(counted).build();
    }

    private static Predicate<Route> named(String id) {
        return route -> route.getId().equals(id);
    }

    private static ServerWebExchange exchange() {
        return MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/licitaciones?q=notebook"));
    }
}
