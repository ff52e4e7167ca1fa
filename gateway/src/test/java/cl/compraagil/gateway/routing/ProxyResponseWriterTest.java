package cl.compraagil.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

class ProxyResponseWriterTest {

    private static final long LIMIT = ProxyResponseWriter.GATHER_UP_TO;

    @Test
    void aSmallBodyOfKnownLengthIsSentInOnePiece() {
        assertThat(ProxyResponseWriter.gathers(HttpMethod.GET, 200, 12, false)).isTrue();
        assertThat(ProxyResponseWriter.gathers(HttpMethod.POST, 201, LIMIT, false)).isTrue();
        assertThat(ProxyResponseWriter.gathers(HttpMethod.GET, 404, 120, false)).isTrue();
    }

    @Test
    void largeUnknownOrEmptyBodiesAndStreamsPassPieceByPiece() {
        assertThat(ProxyResponseWriter.gathers(HttpMethod.GET, 200, LIMIT + 1, false)).isFalse();
        assertThat(ProxyResponseWriter.gathers(HttpMethod.GET, 200, -1, false)).as("chunked").isFalse();
        assertThat(ProxyResponseWriter.gathers(HttpMethod.GET, 200, 0, false)).isFalse();
        assertThat(ProxyResponseWriter.gathers(HttpMethod.GET, 200, 40, true)).as("event stream").isFalse();
    }

    @Test
    void answersWithoutABodyAreNotWaitedFor() {
        assertThat(ProxyResponseWriter.gathers(HttpMethod.HEAD, 200, 12, false)).isFalse();
        assertThat(ProxyResponseWriter.gathers(HttpMethod.GET, 204, 12, false)).isFalse();
        assertThat(ProxyResponseWriter.gathers(HttpMethod.GET, 304, 12, false)).isFalse();
    }
}
