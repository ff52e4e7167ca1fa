package cl.compraagil.e2e;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Predicate;

/** A client of the suite through the gateway only, as the web front end and the Telegram bot are. */
final class Gateway {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String base;

    Gateway(String base) {
        this.base = base;
    }

    HttpResponse<String> get(String path, String token) {
        return send(request(path, token).GET().build());
    }

    HttpResponse<String> postJson(String path, String json, String token) {
        return send(request(path, token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    HttpResponse<String> putJson(String path, String json, String token) {
        return send(request(path, token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    HttpResponse<String> patchJson(String path, String json, String token) {
        return send(request(path, token).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(json)).build());
    }

    HttpResponse<String> delete(String path, String token) {
        return send(request(path, token).DELETE().build());
    }

    /** Any request, with extra headers given as name, value pairs (for API keys, signatures and raw bodies). */
    HttpResponse<String> exchange(String method, String path, String body, String token, String... headers) {
        HttpRequest.Builder builder = request(path, token).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
        }
        return send(builder.build());
    }

    HttpResponse<String> postForm(String path, String form) {
        return send(request(path, null).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    /** Registers a user and logs in with the OAuth2 password form; returns the access token. */
    /** Signs a supplier up with the suite's standard profile; the caller decides which answers it accepts. */
    HttpResponse<String> register(String email, String password) {
        String body = """
                {"email":"%s","password":"%s","full_name":"Ana Pérez","company_name":"Pyme SpA","rut":"76.086.428-5","phone":"+56911112222"}
                """.formatted(email, password);
        return postJson("/api/v1/auth/register", body, null);
    }

    String registerAndLogin(String email, String password) {
        HttpResponse<String> registered = register(email, password);
        if (registered.statusCode() != 201) {
            throw new AssertionError("register answered " + registered.statusCode() + ": " + registered.body());
        }
        return login(email, password);
    }

    String login(String email, String password) {
        HttpResponse<String> login = postForm("/api/v1/auth/login", "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8));
        if (login.statusCode() != 200) {
            throw new AssertionError("login answered " + login.statusCode() + ": " + login.body());
        }
        return JsonPath.read(login.body(), "$.access_token");
    }

    /** Polls until the answer satisfies the condition, for effects that travel through Kafka. */
    HttpResponse<String> await(String path, String token, Predicate<HttpResponse<String>> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpResponse<String> last = get(path, token);
        while (!condition.test(last) && System.nanoTime() < deadline) {
            sleep(500);
            last = get(path, token);
        }
        return last;
    }

    private HttpRequest.Builder request(String path, String token) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("gateway did not answer " + request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
