package cl.compraagil.ml.analysis;

import cl.compraagil.ml.licitacion.Licitacion;

import cl.compraagil.ml.profile.CompanyProfile;
import cl.compraagil.ml.text.SpanishText;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The local analyser used without a Gemini key (or when Gemini fails): it extracts sentences and facts from
 * the licitación and history with simple rules, and says plainly that it is not generative AI.
 */
class ExtractiveEngine implements AnalysisEngine {

    static final String NAME = "local_extractivo";
    static final String NOTICE = "Análisis generado localmente por extracción de texto y reglas, sin IA generativa.";
    private static final Pattern SENTENCE = Pattern.compile("(?<=[.;:!?])\\s+|\\n+");
    private static final List<String> REQUIREMENT_WORDS = List.of("debe", "deberá", "incluir", "garantía", "plazo",
            "certific", "factura", "despacho", "flete", "iva", "anexo", "documento", "ficha", "muestra", "entrega");

    private final ObjectMapper mapper;

    ExtractiveEngine(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ObjectNode generate(AnalysisTask task, AnalysisContext context) {
        ObjectNode out = switch (task) {
            case ANALYSIS -> analysis(context);
            case GUIDE -> guide(context);
            case DRAFT -> draft(context);
            case COMPARISON -> comparison(context);
        };
        out.put("aviso", NOTICE);
        return OutputSchema.validate(task, out);
    }

    private ObjectNode analysis(AnalysisContext c) {
        Licitacion l = c.licitacion();
        ObjectNode out = mapper.createObjectNode();
        List<String> sentences = sentences(l.descripcion());
        out.put("resumen", String.format("%s. Comprador: %s (%s). %s", orDash(l.nombre()), orDash(l.organismo()),
                orDash(l.region()), sentences.isEmpty() ? "" : sentences.get(0)).strip());
        array(out, "que_se_pide", l.productos().isEmpty() ? List.of(orDash(l.nombre())) : l.productos());
        array(out, "requisitos_y_documentos", requirements(sentences));
        Long days = daysToClose(l.fechaCierre());
        out.put("plazos", l.fechaCierre() == null ? "La licitación no informa fecha de cierre."
                : "Cierra el " + l.fechaCierre() + (days == null ? "." : " (quedan " + Math.max(days, 0) + " días)."));
        array(out, "riesgos", risks(c, days));
        ObjectNode fit = out.putObject("ajuste_con_perfil");
        fit(c.profile(), l, fit);
        return out;
    }

    private ObjectNode guide(AnalysisContext c) {
        ObjectNode out = mapper.createObjectNode();
        List<String> checklist = new ArrayList<>(List.of("Cotización firmada con detalle de precio unitario y total",
                "Ficha técnica de cada producto ofrecido", "Plazo de entrega comprometido por escrito"));
        checklist.addAll(requirements(sentences(c.licitacion().descripcion())));
        array(out, "checklist_documentos", checklist);
        array(out, "estructura_cotizacion", List.of("Identificación del proveedor (razón social, RUT, contacto)",
                "Detalle por producto: descripción, cantidad, precio unitario neto, IVA y total",
                "Condiciones: plazo de entrega, despacho, garantía y validez de la oferta"));
        array(out, "errores_evitar", List.of("Ofertar un producto distinto sin indicar que es equivalente",
                "Omitir el flete o el IVA cuando la descripción pide incluirlos",
                "Presentar la oferta en el último minuto y arriesgar un problema de plataforma"));
        array(out, "cronograma", List.of("Al publicar: leer bases y consultar dudas al comprador",
                "2 días antes del cierre: confirmar stock, costos y precio", "1 día antes: revisar y enviar la cotización"));
        return out;
    }

    private ObjectNode draft(AnalysisContext c) {
        Licitacion l = c.licitacion();
        String company = c.profile() == null || c.profile().companyName() == null ? "[Nombre de su empresa]"
                : c.profile().companyName();
        String price = c.price() == null || c.price().recommendedUnitPrice() == null ? "[precio unitario]"
                : "$" + String.format(Locale.ROOT, "%,d", c.price().recommendedUnitPrice()).replace(',', '.');
        String products = l.productos().isEmpty() ? orDash(l.nombre()) : String.join("; ", l.productos());
        String body = switch (c.draftFormat()) {
            case "markdown" -> "# Oferta para " + l.codigo() + "\n\n## Introducción\n" + company + " presenta su oferta a "
                    + orDash(l.organismo()) + ".\n\n## Propuesta técnica\n" + products + "\n\n## Propuesta económica\n"
                    + "Precio unitario de referencia: " + price + " (neto).\n\n## Plazos\nEntrega según lo indicado en la licitación.\n";
            case "correo" -> "Estimados/as " + orDash(l.organismo()) + ":\n\nJunto con saludar, " + company
                    + " presenta su cotización para " + l.codigo() + " (" + orDash(l.nombre()) + "), que incluye: "
                    + products + ". Precio unitario de referencia: " + price + ".\n\nQuedamos atentos a sus comentarios.\n\nSaludos cordiales,\n" + company;
            default -> company + " presenta su oferta para " + l.codigo() + " (" + orDash(l.nombre()) + "): " + products
                    + ". Precio unitario de referencia: " + price + ". Entrega según lo indicado en la licitación.";
        };
        ObjectNode out = mapper.createObjectNode();
        out.put("asunto", "Cotización " + l.codigo() + " - " + company);
        out.put("cuerpo", body);
        return out;
    }

    private ObjectNode comparison(AnalysisContext c) {
        ObjectNode a = mapper.createObjectNode();
        ObjectNode b = mapper.createObjectNode();
        fit(c.profile(), c.licitacion(), a);
        fit(c.profile(), c.other(), b);
        int scoreA = a.path("puntaje").asInt();
        int scoreB = b.path("puntaje").asInt();
        Long daysA = daysToClose(c.licitacion().fechaCierre());
        Long daysB = daysToClose(c.other().fechaCierre());
        boolean chooseA = scoreA != scoreB ? scoreA > scoreB : (daysA == null ? 0 : daysA) >= (daysB == null ? 0 : daysB);
        ObjectNode out = mapper.createObjectNode();
        out.put("recomendacion", chooseA ? "A" : "B");
        out.put("razon_principal", scoreA != scoreB ? "Se ajusta mejor al perfil de la empresa (" + Math.max(scoreA, scoreB)
                + " contra " + Math.min(scoreA, scoreB) + " puntos)." : "El ajuste es similar; tiene más días para preparar la oferta.");
        array(out, "ventajas_a", List.of("Ajuste con el perfil: " + scoreA + "/100", "Cierre: " + orDash(c.licitacion().fechaCierre())));
        array(out, "ventajas_b", List.of("Ajuste con el perfil: " + scoreB + "/100", "Cierre: " + orDash(c.other().fechaCierre())));
        out.put("resumen", "Recomendamos " + (chooseA ? c.licitacion().codigo() : c.other().codigo()) + ".");
        return out;
    }

    private static void fit(CompanyProfile profile, Licitacion l, ObjectNode fit) {
        if (profile == null) {
            fit.put("puntaje", 0);
            fit.put("explicacion", "No hay perfil de empresa guardado: complétalo para evaluar el ajuste.");
            return;
        }
        Set<String> terms = SpanishText.tokens(String.join(" ", nz(profile.products()), nz(profile.keywords()), nz(profile.rubro())));
        Set<String> text = SpanishText.tokens(l.searchText() + " " + nz(l.descripcion()));
        List<String> hits = terms.stream().filter(text::contains).toList();
        int score = hits.isEmpty() ? 10 : 40 + 15 * Math.min(hits.size(), 4);
        boolean sameRegion = profile.region() != null && l.region() != null
                && SpanishText.normalise(l.region()).contains(SpanishText.normalise(profile.region()));
        score = Math.min(100, score + (sameRegion ? 10 : 0));
        fit.put("puntaje", score);
        fit.put("explicacion", hits.isEmpty() ? "Ningún producto o palabra clave del perfil aparece en la licitación."
                : "Coinciden " + hits.size() + " términos del perfil: " + String.join(", ", hits.stream().limit(6).toList())
                        + (sameRegion ? ". Además es de tu región." : "."));
    }

    private List<String> risks(AnalysisContext c, Long days) {
        List<String> risks = new ArrayList<>();
        if (days != null && days <= 2) {
            risks.add("Plazo muy corto: quedan " + Math.max(days, 0) + " días para cotizar.");
        }
        if (c.price() != null && c.price().sampleSize() != null && c.price().sampleSize().comparableBids() > 0
                && c.price().recommendedUnitPrice() != null && c.licitacion().montoEstimado() != null
                && c.price().recommendedUnitPrice() > c.licitacion().montoEstimado()) {
            risks.add("El presupuesto informado es menor que el precio unitario típico de casos similares.");
        }
        if (c.licitacion().descripcion() == null || c.licitacion().descripcion().length() < 40) {
            risks.add("La descripción es breve: confirma especificaciones con el comprador antes de ofertar.");
        }
        if (c.cases().isEmpty()) {
            risks.add("No encontramos casos históricos parecidos: el precio sugerido es poco confiable.");
        }
        if (risks.isEmpty()) {
            risks.add("No detectamos riesgos evidentes en el texto; revisa igualmente las bases completas.");
        }
        return risks;
    }

    private static List<String> requirements(List<String> sentences) {
        return sentences.stream().filter(s -> REQUIREMENT_WORDS.stream().anyMatch(w -> s.toLowerCase(Locale.ROOT).contains(w)))
                .limit(8).toList();
    }

    private static List<String> sentences(String text) {
        if (text == null) {
            return List.of();
        }
        return SENTENCE.splitAsStream(text).map(String::strip).filter(s -> s.length() > 8).limit(40).toList();
    }

    static Long daysToClose(String fechaCierre) {
        if (fechaCierre == null || fechaCierre.length() < 10) {
            return null;
        }
        try {
            return ChronoUnit.DAYS.between(LocalDate.now(), LocalDate.parse(fechaCierre.substring(0, 10)));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private void array(ObjectNode out, String name, List<String> values) {
        ArrayNode array = out.putArray(name);
        values.forEach(array::add);
    }

    private static String orDash(String value) {
        return value == null || value.isBlank() ? "—" : value;
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
