package cl.compraagil.problem;

import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/** Builds the one problem shape every service answers with. */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String ERROR_MEMBER = "error";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String error, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("https://compraagil.cl/problems/" + error.replace('_', '-')));
        problem.setProperty(ERROR_MEMBER, error);
        String correlationId = CorrelationIdFilter.current();
        if (correlationId != null) {
            problem.setProperty(CorrelationIdFilter.MDC_KEY, correlationId);
        }
        return problem;
    }

    public static ProblemDetail of(ApiProblem apiProblem) {
        ProblemDetail problem = of(apiProblem.status(), apiProblem.error(), apiProblem.detail());
        for (Map.Entry<String, Object> member : apiProblem.properties().entrySet()) {
            problem.setProperty(member.getKey(), member.getValue());
        }
        return problem;
    }

    /** The JSON text of a problem, for filters that write before any message converter runs. */
    public static String json(int status, String error, String detail) {
        return "{\"type\":\"https://compraagil.cl/problems/" + error.replace('_', '-') + "\",\"title\":\""
                + escape(org.springframework.http.HttpStatus.valueOf(status).getReasonPhrase()) + "\",\"status\":" + status
                + ",\"detail\":\"" + escape(detail) + "\",\"error\":\"" + escape(error) + "\""
                + (CorrelationIdFilter.current() == null ? "" : ",\"correlation_id\":\"" + CorrelationIdFilter.current() + "\"")
                + "}";
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
