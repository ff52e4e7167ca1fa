package cl.compraagil.licitacion.mercadopublico;

import cl.compraagil.licitacion.catalog.Opportunity;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * Compra Ágil API v2 ({@code GET /v2/compra-agil} and {@code /v2/compra-agil/{codigo}}), ticket in the
 * {@code ticket} header. Every list call carries a change window (the API answers 504 or 500 without one),
 * expressed as Chile wall-clock time.
 */
@Component
public class CompraAgilClient {

    static final String API = "compra_agil_v2";

    private final MercadoPublicoProperties properties;
    private final MercadoPublicoHttp http;
    private final TicketLane lane;

    CompraAgilClient(MercadoPublicoProperties properties, MercadoPublicoHttp http, TicketLane lane) {
        this.properties = properties;
        this.http = http;
        this.lane = lane;
    }

    /** One page (from 1) of processes changed inside the window, ordered by last change. */
    public ListPage list(Instant changedFrom, Instant changedTo, int page) {
        URI uri = UriComponentsBuilder.fromUri(properties.compraAgilBaseUrl())
                .path("/v2/compra-agil")
                .queryParam("cambio_desde", ChileTime.format(changedFrom))
                .queryParam("cambio_hasta", ChileTime.format(changedTo))
                .queryParam("tamano_pagina", Math.max(10, Math.min(50, properties.pageSize())))
                .queryParam("numero_pagina", page)
                .queryParam("ordenar_por", "FechaUltimaModificacion")
                .build().encode().toUri();
        JsonNode root = lane.call(API, properties.compraAgilDailyBudget(), () -> checked(http.get(uri, headers())));
        List<Opportunity> items = CompraAgilParser.listItems(root).stream().map(CompraAgilParser::listItem).toList();
        JsonNode paging = CompraAgilParser.payload(root).path("paginacion");
        int totalPages = paging.path("total_paginas").asInt(items.isEmpty() ? page : page + 1);
        return new ListPage(items, page, totalPages, paging.path("total_resultados").asInt(items.size()));
    }

    public Opportunity detail(String codigo) {
        URI uri = UriComponentsBuilder.fromUri(properties.compraAgilBaseUrl())
                .path("/v2/compra-agil/{codigo}")
                .buildAndExpand(codigo).encode().toUri();
        JsonNode root = lane.call(API, properties.compraAgilDailyBudget(), () -> checked(http.get(uri, headers())));
        return CompraAgilParser.detail(root);
    }

    private Map<String, String> headers() {
        return Map.of("ticket", properties.ticket() == null ? "" : properties.ticket());
    }

    /** A 200 may still carry {@code success: NOK|ERROR}. */
    private static JsonNode checked(JsonNode root) {
        String success = JsonFields.text(root, "success");
        if (success == null || success.equalsIgnoreCase("OK")) {
            return root;
        }
        MercadoPublicoException.Reason reason = success.equalsIgnoreCase("NOK")
                ? MercadoPublicoException.Reason.BAD_REQUEST : MercadoPublicoException.Reason.UNAVAILABLE;
        throw new MercadoPublicoException(reason, "Compra Ágil answered " + success + " " + root.path("errors"));
    }

    /** A page of a list call and where it sits among all pages. */
    public record ListPage(List<Opportunity> items, int page, int totalPages, int totalResults) {

        public boolean hasNext() {
            return page < totalPages && !items.isEmpty();
        }
    }
}
