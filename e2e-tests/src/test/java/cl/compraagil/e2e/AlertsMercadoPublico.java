package cl.compraagil.e2e;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/**
 * New Compra Ágil opportunities published on the WireMock Mercado Público, in the recorded shapes of
 * {@code ../shared/fixtures/mercadopublico/ca-v2-list-items.json} and {@code ca-v2-detail-*.json} (templates in
 * {@code src/test/resources/alerts/}), with a fresh codigo and a closing date in the future. licitacion-service polls
 * the list every 5 s in the suite and announces what is new as {@code licitacion.new}.
 */
final class AlertsMercadoPublico {

    private static final ZoneId CHILE = ZoneId.of("America/Santiago");
    private static final DateTimeFormatter WALL_CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final String LIST_ITEM = resource("alerts/ca-list-item.json");
    private static final String DETAIL = resource("alerts/ca-detail.json");

    /** One Compra Ágil process to publish; {@code descripcion} goes to the requested product of the detail. */
    record Opportunity(String codigo, String nombre, String producto, int unspsc, String descripcion, int cantidad,
            long monto) {
    }

    private AlertsMercadoPublico() {
    }

    /** A codigo in Mercado Público's Compra Ágil format ({@code <unidad>-<número>-COT26}) not used before. */
    static String freshCodigo() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return (7000 + random.nextInt(2000)) + "-" + random.nextInt(100_000, 999_999) + "-COT26";
    }

    /**
     * Lists the opportunities on the next polls (and serves their details) until licitacion-service shows every one
     * of them through the gateway (detail {@code GET /api/v1/licitaciones/{codigo}}), then puts the empty listing back.
     */
    static void publishAndAwaitIngestion(WireMockServer mercadoPublico, Gateway gateway, String token,
            List<Opportunity> opportunities) {
        LocalDateTime now = LocalDateTime.now(CHILE);
        String items = opportunities.stream().map(o -> fill(LIST_ITEM, o, now)).collect(Collectors.joining(","));
        String list = """
                {"success":"OK","trace":null,"payload":{"items":[%s],"paginacion":{"total_paginas":1,"numero_pagina":1,\
                "tamano_pagina":50,"total_resultados":%d}},"errors":[]}""".formatted(items, opportunities.size());
        for (Opportunity opportunity : opportunities) {
            mercadoPublico.stubFor(get(urlPathEqualTo("/v2/compra-agil/" + opportunity.codigo())).atPriority(1)
                    .willReturn(json(fill(DETAIL, opportunity, now))));
        }
        StubMapping listing = mercadoPublico.stubFor(get(urlPathEqualTo("/v2/compra-agil")).atPriority(1)
                .withQueryParam("numero_pagina", equalTo("1")).willReturn(json(list)));
        try {
            for (Opportunity opportunity : opportunities) {
                HttpResponse<String> detail = awaitSlowly(gateway, "/api/v1/licitaciones/" + opportunity.codigo(), token,
                        r -> r.statusCode() == 200, Duration.ofSeconds(60));
                if (detail.statusCode() != 200) {
                    throw new AssertionError("licitacion-service did not ingest " + opportunity.codigo()
                            + " from the WireMock Mercado Público within 60 s: " + detail.statusCode() + " " + detail.body());
                }
            }
        } finally {
            mercadoPublico.removeStub(listing);
        }
    }

    /** Like {@link Gateway#await} but once a second, so a polling test stays far below the 120 requests/minute burst limit. */
    static HttpResponse<String> awaitSlowly(Gateway gateway, String path, String token,
            java.util.function.Predicate<HttpResponse<String>> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpResponse<String> last = gateway.get(path, token);
        while (!condition.test(last) && System.nanoTime() < deadline) {
            Gateway.sleep(1_000);
            last = gateway.get(path, token);
        }
        return last;
    }

    private static String fill(String template, Opportunity o, LocalDateTime now) {
        return template.replace("{{codigo}}", o.codigo())
                .replace("{{nombre}}", o.nombre())
                .replace("{{producto}}", o.producto())
                .replace("{{unspsc}}", Integer.toString(o.unspsc()))
                .replace("{{descripcion}}", o.descripcion())
                .replace("{{cantidad}}", Integer.toString(o.cantidad()))
                .replace("{{monto}}", Long.toString(o.monto()))
                .replace("{{fecha_publicacion}}", now.minusMinutes(1).format(WALL_CLOCK))
                .replace("{{fecha_cierre}}", now.plusDays(3).withHour(15).withMinute(0).format(WALL_CLOCK))
                .replace("{{fecha_ultimo_cambio}}", now.minusMinutes(1).format(WALL_CLOCK));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withHeader("Content-Type", "application/json; charset=utf-8").withBody(body);
    }

    private static String resource(String name) {
        try (InputStream in = AlertsMercadoPublico.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the test resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
