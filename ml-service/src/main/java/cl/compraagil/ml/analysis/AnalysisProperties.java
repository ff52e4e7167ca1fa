package cl.compraagil.ml.analysis;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * AI analysis settings. Gemini is used only when {@code GEMINI_API_KEY} is set; otherwise the local
 * extractive analyser answers.
 */
@ConfigurationProperties("ml.analysis")
record AnalysisProperties(
        String geminiApiKey,
        @DefaultValue("gemini-2.5-flash") String geminiModel,
        String geminiBaseUrl,
        @DefaultValue("20s") Duration geminiTimeout,
        @DefaultValue("2") int geminiAttempts,
        @DefaultValue("2026-11-v1") String promptVersion) {

    boolean geminiEnabled() {
        return geminiApiKey != null && !geminiApiKey.isBlank();
    }
}
