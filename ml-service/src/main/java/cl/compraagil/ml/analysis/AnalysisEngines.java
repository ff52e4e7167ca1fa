package cl.compraagil.ml.analysis;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import tools.jackson.databind.ObjectMapper;

/** The local analyser always exists; Gemini joins it only when an API key is configured. */
@Configuration
class AnalysisEngines {

    @Bean
    ExtractiveEngine extractiveEngine(ObjectMapper mapper) {
        return new ExtractiveEngine(mapper);
    }

    @Bean
    @Conditional(GeminiKeyPresent.class)
    GeminiEngine geminiEngine(AnalysisProperties properties, ObjectMapper mapper) {
        return new GeminiEngine(properties, mapper);
    }

    static final class GeminiKeyPresent implements org.springframework.context.annotation.Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String key = context.getEnvironment().getProperty("ml.analysis.gemini-api-key");
            return key != null && !key.isBlank();
        }
    }
}
