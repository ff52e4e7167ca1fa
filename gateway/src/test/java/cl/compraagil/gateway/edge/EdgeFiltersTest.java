package cl.compraagil.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class EdgeFiltersTest {

    private final List<String> ran = new ArrayList<>();
    private final WebFilterChain handler = exchange -> {
        ran.add("handler");
        return Mono.empty();
    };

    @Test
    void stepsRunInTheirOrderNotTheOrderTheyWereFound() {
        EdgeFilters filters = new EdgeFilters(List.of(step("c", 30), step("a", -10), step("b", 0)));

        StepVerifier.create(filters.filter(exchange(), handler)).verifyComplete();

        assertThat(ran).containsExactly("a", "b", "c", "handler");
    }

    @Test
    void aStepThatAnswersEndsTheChain() {
        EdgeFilter refusing = new Step("refuse", 5) {
            @Override
            public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
                ran.add(name);
                exchange.getResponse().setStatusCode(HttpStatus.UNAUTHORIZED);
                return exchange.getResponse().setComplete();
            }
        };
        ServerWebExchange exchange = exchange();

        StepVerifier.create(new EdgeFilters(List.of(step("first", 0), refusing, step("never", 10)))
                .filter(exchange, handler)).verifyComplete();

        assertThat(ran).containsExactly("first", "refuse");
        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aStepThatThrowsFailsTheRequestForTheStepsBeforeIt() {
        EdgeFilter throwing = new Step("throw", 5) {
            @Override
            public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
                throw new IllegalStateException("broken step");
            }
        };
        List<Throwable> seenByTheFirst = new ArrayList<>();
        EdgeFilter first = new Step("first", 0) {
            @Override
            public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
                return chain.filter(exchange).doOnError(seenByTheFirst::add);
            }
        };

        StepVerifier.create(new EdgeFilters(List.of(first, throwing)).filter(exchange(), handler))
                .verifyErrorMessage("broken step");

        assertThat(seenByTheFirst).singleElement().isInstanceOf(IllegalStateException.class);
        assertThat(ran).doesNotContain("handler");
    }

    @Test
    void withoutStepsTheRequestGoesStraightOn() {
        StepVerifier.create(new EdgeFilters(List.of()).filter(exchange(), handler)).verifyComplete();

        assertThat(ran).containsExactly("handler");
    }

    private static ServerWebExchange exchange() {
        return MockServerWebExchange.from(MockServerHttpRequest.get("/api/v1/licitaciones"));
    }

    private EdgeFilter step(String name, int order) {
        return new Step(name, order);
    }

    private class Step implements EdgeFilter {
        final String name;
        private final int order;

        Step(String name, int order) {
            this.name = name;
            this.order = order;
        }

        @Override
        public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
            ran.add(name);
            return chain.filter(exchange);
        }

        @Override
        public int getOrder() {
            return order;
        }
    }
}
