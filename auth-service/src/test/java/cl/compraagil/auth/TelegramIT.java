package cl.compraagil.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.nimbusds.jwt.SignedJWT;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.JsonNode;

class TelegramIT extends AuthServiceTest {

    /** The development credential: TELEGRAM_BOT_CLIENT_SECRET is not set in tests. */
    private static final String BOT = "development-only-telegram-bot-client";

    private String code(Registered user) throws Exception {
        return json(mvc.perform(post("/api/v1/auth/telegram/link-code").header(HttpHeaders.AUTHORIZATION, bearer(user.accessToken())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).get("code").asString();
    }

    private ResultActions botLink(String secret, String code, long chat) throws Exception {
        var request = post("/api/v1/auth/telegram/link").contentType(MediaType.APPLICATION_JSON)
                .content(body(Map.of("code", code, "telegram_id", chat)));
        return mvc.perform(secret == null ? request : request.header("X-Bot-Client-Secret", secret));
    }

    private static long chat() {
        return ThreadLocalRandom.current().nextLong(100_000_000L, 9_000_000_000L);
    }

    @Test
    void botLinksAChatWithAOneTimeCodeAndGetsShortTokensForIt() throws Exception {
        Registered ana = newUser();
        long chat = chat();
        String code = code(ana);
        assertThat(code).hasSize(8);
        botLink(BOT, code.toLowerCase(), chat).andExpect(status().isOk()).andExpect(jsonPath("$.user_id").value(ana.id()));
        botLink(BOT, code, chat).andExpect(status().isBadRequest()).andExpect(jsonPath("$.error").value("invalid_code"));
        JsonNode linked = lastEvent("user.telegram_linked", ana.id()).get("data");
        assertThat(linked.get("user_id").asLong()).isEqualTo(ana.id());
        assertThat(linked.get("telegram_id").asLong()).isEqualTo(chat);

        JsonNode token = json(mvc.perform(post("/api/v1/auth/telegram/token").header("X-Bot-Client-Secret", BOT)
                        .contentType(MediaType.APPLICATION_JSON).content(body(Map.of("telegram_id", chat))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.expires_in").value(300))
                .andReturn().getResponse().getContentAsString());
        assertThat(SignedJWT.parse(token.get("access_token").asString()).getJWTClaimsSet().getStringClaim("amr"))
                .isEqualTo("telegram");
        mvc.perform(get("/api/v1/auth/me").header(HttpHeaders.AUTHORIZATION, bearer(token.get("access_token").asString())))
                .andExpect(status().isOk()).andExpect(jsonPath("$.telegram_id").value(chat));
    }

    @Test
    void botEndpointsRefuseCallersWithoutTheBotCredential() throws Exception {
        Registered ana = newUser();
        String code = code(ana);
        botLink(null, code, chat()).andExpect(status().isUnauthorized()).andExpect(jsonPath("$.error").value("invalid_client"));
        botLink("otra-cosa", code, chat()).andExpect(status().isUnauthorized());
        mvc.perform(post("/api/v1/auth/telegram/token").header("X-Bot-Client-Secret", "x")
                        .contentType(MediaType.APPLICATION_JSON).content(body(Map.of("telegram_id", 5))))
                .andExpect(status().isUnauthorized());
        // the code was not consumed by the refused attempts
        botLink(BOT, code, chat()).andExpect(status().isOk());
    }

    @Test
    void aChatLinkedToOneAccountCannotBeTakenByAnother() throws Exception {
        Registered ana = newUser();
        Registered bruno = newUser();
        long chat = chat();
        botLink(BOT, code(ana), chat).andExpect(status().isOk());
        botLink(BOT, code(bruno), chat).andExpect(status().isConflict())
                .andExpect(jsonPath("$.error").value("telegram_already_linked"));
    }

    @Test
    void unlinkPublishesTheEventAndTheBotGetsNoMoreTokens() throws Exception {
        Registered ana = newUser();
        long chat = chat();
        botLink(BOT, code(ana), chat).andExpect(status().isOk());
        mvc.perform(delete("/api/v1/auth/telegram").header(HttpHeaders.AUTHORIZATION, bearer(ana.accessToken())))
                .andExpect(status().isNoContent());
        assertThat(lastEvent("user.telegram_unlinked", ana.id()).get("data").get("telegram_id").asLong()).isEqualTo(chat);
        mvc.perform(post("/api/v1/auth/telegram/token").header("X-Bot-Client-Secret", BOT)
                        .contentType(MediaType.APPLICATION_JSON).content(body(Map.of("telegram_id", chat))))
                .andExpect(status().isNotFound());
    }
}
