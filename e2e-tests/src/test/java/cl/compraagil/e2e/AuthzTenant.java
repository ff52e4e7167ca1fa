package cl.compraagil.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One customer of the suite, built only through the gateway as the product is used: an owner on the profesional
 * plan (bought on the local checkout page), an organization, an admin, a member and a viewer who accepted
 * invitations, tokens acting in the organization, an API key, an alert rule, a webhook endpoint and an inbox
 * notification. Every name and email carries {@link #marker}, so a foreign row in a list is easy to spot.
 */
final class AuthzTenant {

    static final List<String> ROLES = List.of("owner", "admin", "member", "viewer");
    private static final String PASSWORD = "Licitar-2026!seguro";
    private static final Pattern INVITATION_TOKEN = Pattern.compile("token=([A-Za-z0-9_\\-]+)");

    record Member(long id, String email, String token) {
    }

    final String marker;
    final long organization;
    final Map<String, Member> members = new LinkedHashMap<>();
    final String apiKey;
    final long apiKeyId;
    final long alert;
    final long webhook;
    final long notification;

    private AuthzTenant(String marker, long organization, Map<String, Member> members, String apiKey, long apiKeyId,
            long alert, long webhook, long notification) {
        this.marker = marker;
        this.organization = organization;
        this.members.putAll(members);
        this.apiKey = apiKey;
        this.apiKeyId = apiKeyId;
        this.alert = alert;
        this.webhook = webhook;
        this.notification = notification;
    }

    Member owner() {
        return members.get("owner");
    }

    static AuthzTenant create(Gateway gateway, AuthzOperator operator, String name) {
        operator.resetPerAddressLimits();
        String marker = "tenant" + name + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String ownerEmail = "owner-" + marker + "@pyme.cl";
        String ownerLogin = register(gateway, ownerEmail);
        new BillingStripe(gateway).buy(ownerLogin, "profesional");

        // auth-service learns the plan (seats, API keys) from subscription.changed
        HttpResponse<String> organization = until(() -> gateway.postJson("/api/v1/organizations",
                "{\"name\":\"Pyme " + marker + "\"}", ownerLogin), r -> r.statusCode() == 201);
        assertThat(organization.statusCode()).as(organization.body()).isEqualTo(201);
        long organizationId = id(organization.body());

        Map<String, Member> members = new LinkedHashMap<>();
        members.put("owner", new Member(me(gateway, ownerLogin), ownerEmail, actIn(gateway, ownerLogin, organizationId)));
        for (String role : List.of("admin", "member", "viewer")) {
            String email = role + "-" + marker + "@pyme.cl";
            String login = register(gateway, email);
            HttpResponse<String> invited = gateway.postJson("/api/v1/organizations/" + organizationId + "/invitations",
                    "{\"email\":\"" + email + "\",\"role\":\"" + role + "\"}", ownerLogin);
            assertThat(invited.statusCode()).as(invited.body()).isEqualTo(201);
            HttpResponse<String> accepted = gateway.postJson("/api/v1/organizations/invitations/accept",
                    "{\"token\":\"" + invitationToken(operator, email) + "\"}", login);
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
            members.put(role, new Member(me(gateway, login), email, actIn(gateway, login, organizationId)));
        }
        String owner = members.get("owner").token();

        HttpResponse<String> key = until(() -> gateway.postJson("/api/v1/api-keys",
                "{\"name\":\"clave " + marker + "\",\"scopes\":[\"read:licitaciones\"],\"rate_limit_per_minute\":600}", owner),
                r -> r.statusCode() == 201);
        assertThat(key.statusCode()).as(key.body()).isEqualTo(201);

        HttpResponse<String> alert = until(() -> gateway.postJson("/api/v1/alerts",
                "{\"name\":\"alerta " + marker + "\",\"keywords\":[\"papel\"],\"channels\":[\"inbox\"]}", owner),
                r -> r.statusCode() == 201);
        assertThat(alert.statusCode()).as(alert.body()).isEqualTo(201);
        HttpResponse<String> webhook = until(() -> gateway.postJson("/api/v1/webhook-endpoints",
                "{\"url\":\"http://localhost:9/" + marker + "\",\"description\":\"webhook " + marker + "\"}", owner),
                r -> r.statusCode() == 201);
        assertThat(webhook.statusCode()).as(webhook.body()).isEqualTo(201);
        HttpResponse<String> inbox = gateway.await("/api/v1/notifications", owner,
                r -> r.statusCode() == 200 && !JsonPath.<List<Object>>read(r.body(), "$.items[*].id").isEmpty(), Duration.ofSeconds(30));
        List<Number> notifications = JsonPath.read(inbox.body(), "$.items[*].id");
        assertThat(notifications).as(inbox.body()).isNotEmpty();

        return new AuthzTenant(marker, organizationId, members, JsonPath.read(key.body(), "$.key"), id(key.body()),
                id(alert.body()), id(webhook.body()), notifications.get(0).longValue());
    }

    /** What the tenant's owner sees of the tenant: compared before and after another tenant's attempts. */
    Map<String, String> snapshot(Gateway gateway) {
        String owner = owner().token();
        Map<String, String> state = new LinkedHashMap<>();
        for (String path : List.of("/api/v1/organizations/" + organization, "/api/v1/organizations/" + organization + "/members",
                "/api/v1/organizations/" + organization + "/invitations", "/api/v1/api-keys", "/api/v1/alerts",
                "/api/v1/alerts/" + alert, "/api/v1/webhook-endpoints", "/api/v1/webhook-endpoints/" + webhook,
                "/api/v1/subscriptions/current")) {
            HttpResponse<String> answer = gateway.get(path, owner);
            state.put(path, answer.statusCode() + " " + answer.body().replaceAll("\"last_used_at\":(null|\"[^\"]*\")", ""));
        }
        for (Map.Entry<String, Member> member : members.entrySet()) {
            HttpResponse<String> me = gateway.get("/api/v1/auth/me", member.getValue().token());
            state.put(member.getKey() + " /me", me.statusCode() + " " + me.body().replaceAll("\"(last_login|updated_at)\":(null|\"[^\"]*\")", ""));
        }
        return state;
    }

    private static String register(Gateway gateway, String email) {
        String token = gateway.registerAndLogin(email, PASSWORD);
        HttpResponse<String> current = gateway.await("/api/v1/subscriptions/current", token, r -> r.statusCode() == 200,
                Duration.ofSeconds(30));
        assertThat(current.statusCode()).as(current.body()).isEqualTo(200);
        return token;
    }

    private static long me(Gateway gateway, String token) {
        return id(gateway.get("/api/v1/auth/me", token).body());
    }

    private static String actIn(Gateway gateway, String token, long organization) {
        HttpResponse<String> switched = gateway.postJson("/api/v1/auth/switch-organization",
                "{\"organization_id\":" + organization + "}", token);
        assertThat(switched.statusCode()).as(switched.body()).isEqualTo(200);
        return JsonPath.read(switched.body(), "$.access_token");
    }

    /** The invitation link travels by email (notification-service); its token is in auth-service's outbox event. */
    private static String invitationToken(AuthzOperator operator, String email) {
        List<List<Object>> rows = operator.query("auth", """
                SELECT payload::text FROM outbox_events
                WHERE event_type = 'organization.invitation_created' AND payload::text LIKE ?
                ORDER BY id DESC LIMIT 1
                """, "%" + email + "%");
        assertThat(rows).as("invitation event for " + email).isNotEmpty();
        Matcher matcher = INVITATION_TOKEN.matcher((String) rows.get(0).get(0));
        assertThat(matcher.find()).as((String) rows.get(0).get(0)).isTrue();
        return matcher.group(1);
    }

    private static HttpResponse<String> until(Supplier<HttpResponse<String>> call,
            java.util.function.Predicate<HttpResponse<String>> done) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        HttpResponse<String> answer = call.get();
        while (!done.test(answer) && answer.statusCode() < 500 && answer.statusCode() != 400
                && System.nanoTime() < deadline) {
            Gateway.sleep(500);
            answer = call.get();
        }
        return answer;
    }

    private static long id(String json) {
        return ((Number) JsonPath.read(json, "$.id")).longValue();
    }
}
