package cl.compraagil.gateway.quota;

import static org.assertj.core.api.Assertions.assertThat;

import cl.compraagil.gateway.security.Caller;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

/** The route → resource rules exactly as application.yml configures them. */
class ResourceRulesTest {

    private static final Caller USER = new Caller(7, false, null, null, "token");

    @ParameterizedTest
    @CsvSource({
            "POST, /api/v1/ml/recommend/price, ai_analysis",
            "POST, /api/v1/ml/predict/probability, ai_analysis",
            "POST, /api/v1/ml/analysis/2048-540-COT26, ai_analysis",
            "POST, /api/v1/ml/analysis/2048-540-COT26/quoting-guide, ai_analysis",
            "POST, /api/v1/ml/analysis/2048-540-COT26/bid-draft, ai_analysis",
            "POST, /api/v1/ml/analysis/compare, ai_analysis",
            "GET, /api/v1/ml/competitors, ai_analysis",
            "POST, /api/v1/ml/analysis/12/feedback, ''",
            "GET, /api/v1/ml/models, ''",
            "GET, /api/v1/licitaciones, searches",
            "GET, /api/v1/licitaciones/search, ''",
            "GET, /api/v1/licitaciones/2048-540-COT26, ''",
            "POST, /api/v1/notifications/alert-rules, ''"})
    void eachRouteCountsAgainstItsResource(String method, String path, String resource) throws IOException {
        ResourceRules rules = new ResourceRules(configured());

        List<String> resources = rules.resourcesFor(MockServerHttpRequest.method(HttpMethod.valueOf(method), path).build(), USER);

        assertThat(resources).isEqualTo(resource.isEmpty() ? List.of() : List.of(resource));
    }

    @ParameterizedTest
    @CsvSource({"GET, /api/v1/licitaciones/2048-540-COT26", "GET, /api/v1/licitaciones"})
    void everyApiKeyRequestAlsoCountsAsAnApiCall(String method, String path) throws IOException {
        Caller viaKey = new Caller(7, false, 3L, 600, "token");

        List<String> resources = new ResourceRules(configured())
                .resourcesFor(MockServerHttpRequest.method(HttpMethod.valueOf(method), path).build(), viaKey);

        assertThat(resources).contains(QuotaProperties.API_CALLS);
    }

    private static QuotaProperties configured() throws IOException {
        MutablePropertySources sources = new MutablePropertySources();
        for (PropertySource<?> source : new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml"))) {
            sources.addLast(source);
        }
        return new Binder(ConfigurationPropertySources.from(sources), new PropertySourcesPlaceholdersResolver(sources))
                .bind("gateway.quota", QuotaProperties.class).get();
    }
}
