package cl.compraagil.licitacion.mercadopublico;

import cl.compraagil.licitacion.catalog.Opportunity;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;
import tools.jackson.databind.JsonNode;

/**
 * Classic API v1 {@code licitaciones.json}: the open ones ({@code estado=activas}), a day's list
 * ({@code fecha=ddMMyyyy}) and a detail by codigo; the ticket goes in the query string.
 */
@Component
public class LicitacionesV1Client {

    static final String API = "licitaciones_v1";
    private static final DateTimeFormatter FECHA = DateTimeFormatter.ofPattern("ddMMyyyy");

    private final MercadoPublicoProperties properties;
    private final MercadoPublicoHttp http;
    private final TicketLane lane;

    LicitacionesV1Client(MercadoPublicoProperties properties, MercadoPublicoHttp http, TicketLane lane) {
        this.properties = properties;
        this.http = http;
        this.lane = lane;
    }

    public List<Opportunity> activas() {
        return list(Map.of("estado", "activas"));
    }

    public List<Opportunity> byFecha(LocalDate fecha) {
        return list(Map.of("fecha", fecha.format(FECHA)));
    }

    public Optional<Opportunity> detail(String codigo) {
        List<JsonNode> listado = LicitacionV1Parser.listado(get(Map.of("codigo", codigo)));
        return listado.stream().findFirst().map(LicitacionV1Parser::detail);
    }

    private List<Opportunity> list(Map<String, String> query) {
        return LicitacionV1Parser.listado(get(query)).stream().map(LicitacionV1Parser::listItem).toList();
    }

    private JsonNode get(Map<String, String> query) {
        UriComponentsBuilder builder = UriComponentsBuilder.fromUri(properties.v1BaseUrl())
                .path("/servicios/v1/publico/licitaciones.json");
        query.forEach(builder::queryParam);
        URI uri = builder.queryParam("ticket", properties.ticket()).build().encode().toUri();
        return lane.call(API, properties.v1DailyBudget(), () -> http.get(uri, Map.of()));
    }
}
