package cl.compraagil.ml.analysis;

import cl.compraagil.ml.licitacion.Licitacion;
import cl.compraagil.ml.licitacion.LicitacionClient;

import cl.compraagil.ml.price.PriceRecommendation;
import cl.compraagil.ml.price.PriceRecommender;
import cl.compraagil.ml.price.PriceRequest;
import cl.compraagil.ml.profile.CompanyProfile;
import cl.compraagil.ml.profile.CompanyProfiles;
import cl.compraagil.security.AuthenticatedUser;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs an AI helper on a licitación: fetches it, retrieves similar history, asks the engine (Gemini, or the
 * local analyser when Gemini is off or fails), validates and caches the answer per user, licitación
 * content, company-profile version and prompt version.
 */
@Service
class AnalysisService {

    private static final Logger log = LoggerFactory.getLogger(AnalysisService.class);

    private final LicitacionClient licitaciones;
    private final HistoricalCases history;
    private final PriceRecommender prices;
    private final CompanyProfiles profiles;
    private final AnalysisStore store;
    private final List<AnalysisEngine> engines;
    private final ExtractiveEngine local;
    private final AnalysisProperties properties;
    private final ObjectMapper mapper;

    AnalysisService(LicitacionClient licitaciones, HistoricalCases history, PriceRecommender prices,
            CompanyProfiles profiles, AnalysisStore store, List<AnalysisEngine> engines, AnalysisProperties properties,
            ObjectMapper mapper) {
        this.licitaciones = licitaciones;
        this.history = history;
        this.prices = prices;
        this.profiles = profiles;
        this.store = store;
        this.engines = engines;
        this.local = engines.stream().filter(ExtractiveEngine.class::isInstance).map(ExtractiveEngine.class::cast)
                .findFirst().orElseThrow();
        this.properties = properties;
        this.mapper = mapper;
    }

    AnalysisView run(AuthenticatedUser user, String bearer, AnalysisTask task, String codigo, String otherCodigo,
            String draftFormat) {
        Licitacion licitacion = licitaciones.fetch(codigo, bearer);
        Licitacion other = otherCodigo == null ? null : licitaciones.fetch(otherCodigo, bearer);
        CompanyProfile profile = profiles.find(user.id()).orElse(null);
        String key = cacheKey(task, licitacion, other, profile, draftFormat);
        var cached = store.find(user.id(), key);
        if (cached.isPresent()) {
            return cached.get();
        }
        AnalysisContext context = new AnalysisContext(licitacion, other, profile, history.similarTo(licitacion, 8),
                suggestedPrice(licitacion), draftFormat);
        AnalysisEngine engine = preferred();
        ObjectNode result;
        try {
            result = engine.generate(task, context);
        } catch (RuntimeException e) {
            if (engine == local) {
                throw e;
            }
            log.warn("Gemini failed for {} {}: {}; answering with the local analyser", task.kind(), codigo, e.getMessage());
            engine = local;
            result = local.generate(task, context);
            result.put("aviso", ExtractiveEngine.NOTICE + " Gemini no respondió a tiempo; se muestra el análisis local.");
        }
        if (task == AnalysisTask.ANALYSIS) {
            // prices come from the recommender, never from the language model
            result.set("precio_sugerido", mapper.valueToTree(context.price()));
            result.set("casos_historicos", mapper.valueToTree(context.cases()));
        }
        result.put("motor", engine.name());
        return store.save(user.id(), key, task.kind(), codigo, engine.name(), properties.promptVersion(), result);
    }

    boolean feedback(AuthenticatedUser user, long analysisId, boolean liked, String comment) {
        return store.feedback(user.id(), analysisId, liked, comment);
    }

    private AnalysisEngine preferred() {
        return engines.stream().filter(e -> !(e instanceof ExtractiveEngine)).findFirst().orElse(local);
    }

    private PriceRecommendation suggestedPrice(Licitacion licitacion) {
        String product = licitacion.productos().isEmpty() ? licitacion.nombre() : licitacion.productos().get(0);
        Integer code = licitacion.unspscCodes().isEmpty() ? null : licitacion.unspscCodes().get(0);
        if (code == null && (product == null || product.strip().length() < 3)) {
            return null;
        }
        return prices.recommend(new PriceRequest(product, code, 1, licitacion.region(), licitacion.organismo(), null));
    }

    private String cacheKey(AnalysisTask task, Licitacion licitacion, Licitacion other, CompanyProfile profile,
            String draftFormat) {
        String material = String.join("|", task.kind(), properties.promptVersion(), String.valueOf(draftFormat),
                mapper.writeValueAsString(licitacion), other == null ? "" : mapper.writeValueAsString(other),
                profile == null ? "sin-perfil" : "perfil-v" + profile.version(), preferred().name());
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(material.getBytes(StandardCharsets.UTF_8));
            return task.kind() + ":" + licitacion.codigo() + ":" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
