package cl.compraagil.problem;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@SpringBootTest(classes = {ProblemExceptionHandlerTest.App.class, ProblemExceptionHandlerTest.Endpoints.class})
@AutoConfigureMockMvc
class ProblemExceptionHandlerTest {

    @SpringBootApplication
    static class App {
    }

    record Body(@NotBlank String name) {
    }

    @RestController
    static class Endpoints {
        @GetMapping("/limited")
        String limited() {
            throw new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "rate_limit_exceeded", "Has excedido el límite.")
                    .with("limit", 2).withHeader("Retry-After", "60");
        }

        @GetMapping("/boom")
        String boom() {
            throw new IllegalStateException("secret internal detail");
        }

        @GetMapping("/number")
        String number(@RequestParam int value) {
            return "ok " + value;
        }

        @PostMapping("/bodies")
        String create(@Valid @RequestBody Body body) {
            return body.name();
        }
    }

    @Autowired
    MockMvc mvc;

    @Test
    void apiProblemKeepsItsStatusCodeMembersAndHeaders() throws Exception {
        mvc.perform(get("/limited"))
                .andExpect(status().isTooManyRequests())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(header().string("Retry-After", "60"))
                .andExpect(jsonPath("$.error").value("rate_limit_exceeded"))
                .andExpect(jsonPath("$.limit").value(2))
                .andExpect(jsonPath("$.status").value(429));
    }

    @Test
    void unexpectedFailureLeavesNoStackTraceOrMessage() throws Exception {
        mvc.perform(get("/boom"))
                .andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.error").value("internal_error"))
                .andExpect(content().string(Matchers.not(Matchers.containsString("secret internal detail"))))
                .andExpect(content().string(Matchers.not(Matchers.containsString("IllegalStateException"))));
    }

    @Test
    void invalidBodyIsA400WithTheFieldNamed() throws Exception {
        mvc.perform(post("/bodies").contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("validation_failed"))
                .andExpect(jsonPath("$.errors[0].field").value("name"));
    }

    @Test
    void malformedJsonIsA400() throws Exception {
        mvc.perform(post("/bodies").contentType(MediaType.APPLICATION_JSON).content("{not json"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("malformed_body"));
    }

    @Test
    void wrongParameterTypeIsA400() throws Exception {
        mvc.perform(get("/number").param("value", "abc"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error").value("invalid_parameter"));
    }

    @Test
    void unknownPathIsA404Problem() throws Exception {
        mvc.perform(get("/nothing-here"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error").value("not_found"));
    }

    @Test
    void wellFormedCorrelationIdIsEchoedAndForgedOneReplaced() throws Exception {
        mvc.perform(get("/boom").header(CorrelationIdFilter.HEADER, "abc12345-req"))
                .andExpect(header().string(CorrelationIdFilter.HEADER, "abc12345-req"))
                .andExpect(jsonPath("$.correlation_id").value("abc12345-req"));
        mvc.perform(get("/boom").header(CorrelationIdFilter.HEADER, "evil\nline"))
                .andExpect(header().string(CorrelationIdFilter.HEADER, Matchers.not("evil\nline")));
    }
}
