package cl.compraagil.licitacion;

import cl.compraagil.licitacion.catalog.Opportunity;
import cl.compraagil.licitacion.catalog.OpportunityItem;
import cl.compraagil.licitacion.catalog.OpportunityType;
import cl.compraagil.licitacion.mercadopublico.Regions;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Test data builder for opportunities as a source would deliver them (detailed by default). */
public final class OpportunityBuilder {

    private String codigo;
    private OpportunityType tipo = OpportunityType.COMPRA_AGIL;
    private String nombre = "Adquisición de insumos de oficina";
    private String descripcion = "Se requiere la compra de insumos de oficina.";
    private String organismo = "I MUNICIPALIDAD DE PRUEBA";
    private String rut = "69.000.000-1";
    private Integer region = 13;
    private Long monto = 1_000_000L;
    private Instant publicacion = Instant.now().minus(Duration.ofHours(2));
    private Instant cierre = Instant.now().plus(Duration.ofDays(3));
    private String estado = "publicada";
    private Integer ofertas = 0;
    private Integer plazo = 10;
    private Integer convocatoria = 1;
    private boolean detailed = true;
    private final List<OpportunityItem> items = new ArrayList<>();

    private OpportunityBuilder(String codigo) {
        this.codigo = codigo;
    }

    public static OpportunityBuilder compraAgil(String codigo) {
        return new OpportunityBuilder(codigo);
    }

    public static OpportunityBuilder licitacion(String codigo) {
        OpportunityBuilder builder = new OpportunityBuilder(codigo);
        builder.tipo = OpportunityType.LICITACION;
        return builder;
    }

    public OpportunityBuilder nombre(String value) { nombre = value; return this; }
    public OpportunityBuilder descripcion(String value) { descripcion = value; return this; }
    public OpportunityBuilder organismo(String value) { organismo = value; return this; }
    public OpportunityBuilder region(Integer value) { region = value; return this; }
    public OpportunityBuilder monto(Long value) { monto = value; return this; }
    public OpportunityBuilder cierre(Instant value) { cierre = value; return this; }
    public OpportunityBuilder publicacion(Instant value) { publicacion = value; return this; }
    public OpportunityBuilder estado(String value) { estado = value; return this; }
    public OpportunityBuilder ofertas(Integer value) { ofertas = value; return this; }
    public OpportunityBuilder plazo(Integer value) { plazo = value; return this; }
    public OpportunityBuilder convocatoria(Integer value) { convocatoria = value; return this; }
    public OpportunityBuilder listOnly() { detailed = false; return this; }

    public OpportunityBuilder item(String unspsc, String nombreProducto, String descripcionProducto) {
        items.add(new OpportunityItem(items.size() + 1, unspsc, nombreProducto, descripcionProducto, BigDecimal.TEN, "UN"));
        return this;
    }

    public Opportunity build() {
        return new Opportunity(codigo, tipo, tipo == OpportunityType.COMPRA_AGIL ? "COT" : "L1", nombre,
                detailed ? descripcion : null, organismo, rut, "Adquisiciones", Regions.name(region), region, null,
                monto, "CLP", monto == null ? null : BigDecimal.valueOf(monto), publicacion, cierre, publicacion,
                estado, convocatoria, ofertas, plazo, detailed ? items : List.of(), List.of(),
                "https://buscador.mercadopublico.cl/ficha?code=" + codigo, detailed, "test", null);
    }
}
