package cl.compraagil.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

/**
 * Users set up the way the product does it, through the gateway only: registration, a paid plan bought with the local
 * checkout (checkout → local checkout page → "Pagar", which posts signed Stripe-format webhooks), and a Telegram chat
 * linked with auth-service's link-code flow as the bot performs it.
 */
final class AlertsAccounts {

    static final String PASSWORD = "Licitar-2026!seguro";
    /** auth-service's bot credential when TELEGRAM_BOT_CLIENT_SECRET is not set (local runs and this suite). */
    private static final String BOT_CLIENT_SECRET = "development-only-telegram-bot-client";

    private AlertsAccounts() {
    }

    static String freshEmail(String prefix) {
        return prefix + "+" + UUID.randomUUID() + "@pyme.cl";
    }

    /** Registers a user and waits for the free subscription that registration creates through Kafka. */
    static String registerWithFreePlan(Gateway gateway, String email) {
        String token = registerAndLogin(gateway, email);
        HttpResponse<String> current = gateway.await("/api/v1/subscriptions/current", token, r -> r.statusCode() == 200,
                Duration.ofSeconds(60));
        assertThat(current.statusCode()).as(current.body()).isEqualTo(200);
        return token;
    }

    /**
     * Registration and login, retried on the gateway's 503 (its 4 s route time-out is shorter than an Argon2 hash on a
     * loaded 2-core CI machine); a retried registration that had in fact succeeded answers 409 and is accepted.
     */
    static String registerAndLogin(Gateway gateway, String email) {
        String body = """
                {"email":"%s","password":"%s","full_name":"Ana Pérez","company_name":"Pyme SpA","rut":"76.086.428-5","phone":"+56911112222"}
                """.formatted(email, PASSWORD);
        HttpResponse<String> registered = gateway.postJson("/api/v1/auth/register", body, null);
        for (int attempt = 1; registered.statusCode() == 503 && attempt < 5; attempt++) {
            Gateway.sleep(2_000);
            registered = gateway.postJson("/api/v1/auth/register", body, null);
        }
        assertThat(registered.statusCode()).as("register " + registered.body()).isIn(201, 409);
        String form = "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8);
        HttpResponse<String> login = gateway.postForm("/api/v1/auth/login", form);
        for (int attempt = 1; login.statusCode() == 503 && attempt < 5; attempt++) {
            Gateway.sleep(2_000);
            login = gateway.postForm("/api/v1/auth/login", form);
        }
        assertThat(login.statusCode()).as("login " + login.body()).isEqualTo(200);
        return JsonPath.read(login.body(), "$.access_token");
    }

    /** Buys a plan with the local checkout, as a user does in the browser, and waits until it is current. */
    static void buyPlan(Gateway gateway, String token, String plan) {
        HttpResponse<String> checkout = gateway.postJson("/api/v1/subscriptions/checkout",
                "{\"plan\":\"" + plan + "\",\"interval\":\"monthly\"}", token);
        assertThat(checkout.statusCode()).as(checkout.body()).isEqualTo(200);
        String path = URI.create(JsonPath.read(checkout.body(), "$.url")).getPath();
        HttpResponse<String> page = gateway.get(path, null);
        assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
        HttpResponse<String> paid = gateway.exchange("POST", path + "/pay", null, null);
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(303);
        HttpResponse<String> current = gateway.await("/api/v1/subscriptions/current", token,
                r -> r.statusCode() == 200 && plan.equals(JsonPath.read(r.body(), "$.plan")), Duration.ofSeconds(60));
        assertThat((String) JsonPath.read(current.body(), "$.plan")).as(current.body()).isEqualTo(plan);
    }

    /** The user asks for a link code, then the bot presents it with the chat's id, as {@code /start <code>} does. */
    static void linkTelegram(Gateway gateway, String token, long chatId) {
        HttpResponse<String> code = gateway.postJson("/api/v1/auth/telegram/link-code", "{}", token);
        assertThat(code.statusCode()).as(code.body()).isIn(200, 201);
        String body = "{\"code\":\"" + JsonPath.read(code.body(), "$.code") + "\",\"telegram_id\":" + chatId + "}";
        HttpResponse<String> linked = gateway.exchange("POST", "/api/v1/auth/telegram/link", body, null,
                "Content-Type", "application/json", "X-Bot-Client-Secret", BOT_CLIENT_SECRET);
        assertThat(linked.statusCode()).as(linked.body()).isEqualTo(200);
        assertThat(((Number) JsonPath.read(linked.body(), "$.telegram_id")).longValue()).isEqualTo(chatId);
    }
}
