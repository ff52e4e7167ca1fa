package cl.compraagil.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The authorization matrix of issue 3 ({@code authz/matrix.psv}: endpoint × method × caller → expected status), run
 * through the gateway on the packaged suite. Two tenants, each an organization with owner, admin, member and viewer
 * acting in it and an API key; every row is called by each caller of one tenant with the other tenant's ids in path,
 * query and body, in both directions. A foreign id must answer 404 exactly like an id that does not exist, a list
 * must never contain the other tenant's marker, and at the end the other tenant must look exactly as before while
 * the callers' own privileges (admin flag, email, plan, organization role) are unchanged.
 */
class AuthzMatrixTest {

    private static final List<String> CALLERS = List.of("anonymous", "owner", "admin", "member", "viewer", "api_key");

    private static Gateway gateway;
    private static AuthzTenant a;
    private static AuthzTenant b;
    private static Path observed;

    record Row(String method, String path, String body, Map<String, Integer> expected, boolean noForeignRows) {
    }

    @BeforeAll
    static void tenants() throws IOException {
        RunningSuite suite = RunningSuite.get();
        gateway = new Gateway(suite.gatewayUrl());
        AuthzOperator operator = new AuthzOperator(suite);
        a = AuthzTenant.create(gateway, operator, "A");
        b = AuthzTenant.create(gateway, operator, "B");
        observed = Path.of("target", "authz-matrix-observed.psv");
        Files.createDirectories(observed.getParent());
        Files.writeString(observed, "direction|method|path|caller|expected|actual\n", StandardCharsets.UTF_8);
    }

    @TestFactory
    List<DynamicNode> everyCallerGetsTheStatusOfTheMatrixWithTheOtherTenantsIds() {
        List<Row> rows = rows();
        List<DynamicNode> directions = new ArrayList<>();
        directions.add(direction("A→B", a, b, rows));
        directions.add(direction("B→A", b, a, rows));
        return directions;
    }

    private static DynamicContainer direction(String name, AuthzTenant own, AuthzTenant other, List<Row> rows) {
        List<DynamicNode> tests = new ArrayList<>();
        Map<String, String>[] before = new Map[1];
        tests.add(DynamicTest.dynamicTest("snapshot of the other tenant", () -> before[0] = other.snapshot(gateway)));
        for (Row row : rows) {
            for (String caller : CALLERS) {
                int expected = row.expected().get(caller);
                tests.add(DynamicTest.dynamicTest(row.method() + " " + row.path() + " as " + caller + " → " + expected,
                        () -> call(name, own, other, row, caller, expected)));
            }
        }
        tests.add(DynamicTest.dynamicTest("the other tenant is exactly as before", () ->
                assertThat(other.snapshot(gateway)).isEqualTo(before[0])));
        tests.add(DynamicTest.dynamicTest("the callers kept their own privileges and nothing more", () -> {
            for (Map.Entry<String, AuthzTenant.Member> member : own.members.entrySet()) {
                String token = member.getValue().token();
                HttpResponse<String> me = gateway.get("/api/v1/auth/me", token);
                assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
                assertThat((Boolean) JsonPath.read(me.body(), "$.is_admin")).as(me.body()).isFalse();
                assertThat((String) JsonPath.read(me.body(), "$.email")).isEqualTo(member.getValue().email());
                HttpResponse<String> current = gateway.get("/api/v1/subscriptions/current", token);
                assertThat((String) JsonPath.read(current.body(), "$.plan")).as(member.getKey() + ": " + current.body())
                        .isEqualTo(member.getKey().equals("owner") ? "profesional" : "free");
                HttpResponse<String> organizations = gateway.get("/api/v1/organizations", token);
                List<String> roles = JsonPath.read(organizations.body(), "$[?(@.id == " + own.organization + ")].role");
                assertThat(roles).as(member.getKey() + ": " + organizations.body()).containsExactly(member.getKey());
            }
            HttpResponse<String> members = gateway.get("/api/v1/organizations/" + own.organization + "/members",
                    own.owner().token());
            assertThat(members.body()).doesNotContain(other.marker);
        }));
        return DynamicContainer.dynamicContainer(name + " (" + own.marker + " calls with " + other.marker + "'s ids)", tests);
    }

    private static void call(String direction, AuthzTenant own, AuthzTenant other, Row row, String caller, int expected)
            throws IOException {
        String path = fill(row.path(), own, other);
        String body = row.body() == null ? null : fill(row.body(), own, other);
        List<String> headers = new ArrayList<>();
        if (body != null) {
            headers.add("Content-Type");
            headers.add("application/json");
        }
        String token = null;
        if (caller.equals("api_key")) {
            headers.add("X-API-Key");
            headers.add(own.apiKey);
        } else if (!caller.equals("anonymous")) {
            token = own.members.get(caller).token();
        }
        HttpResponse<String> answer = gateway.exchange(row.method(), path, body, token, headers.toArray(String[]::new));
        Files.writeString(observed, String.join("|", direction, row.method(), row.path(), caller, Integer.toString(expected),
                Integer.toString(answer.statusCode())) + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        assertThat(answer.statusCode()).as("%s %s as %s: %s", row.method(), path, caller, answer.body()).isEqualTo(expected);
        if (expected >= 400) {
            assertThat(answer.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        }
        if (expected == 404) {
            // the same answer as for an id that never existed: nothing about the other tenant leaks
            assertThat(answer.body()).doesNotContain(other.marker).doesNotContain("forbidden");
            assertThat((String) JsonPath.read(answer.body(), "$.error")).isEqualTo("not_found");
        }
        assertThat(answer.body()).as("no row of the other tenant").doesNotContain(other.marker);
        if (row.noForeignRows()) {
            for (AuthzTenant.Member member : other.members.values()) {
                assertThat(answer.body()).doesNotContain(member.email());
            }
        }
    }

    private static String fill(String text, AuthzTenant own, AuthzTenant other) {
        return text.replace("{own_org}", Long.toString(own.organization))
                .replace("{own_member}", Long.toString(own.members.get("member").id()))
                .replace("{own_marker}", own.marker)
                .replace("{other_org}", Long.toString(other.organization))
                .replace("{other_owner}", Long.toString(other.owner().id()))
                .replace("{other_admin}", Long.toString(other.members.get("admin").id()))
                .replace("{other_member}", Long.toString(other.members.get("member").id()))
                .replace("{other_key}", Long.toString(other.apiKeyId))
                .replace("{other_alert}", Long.toString(other.alert))
                .replace("{other_webhook}", Long.toString(other.webhook))
                .replace("{other_notification}", Long.toString(other.notification))
                .replace("{other_marker}", other.marker);
    }

    private static List<Row> rows() {
        try (InputStream in = AuthzMatrixTest.class.getResourceAsStream("/authz/matrix.psv")) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank()).toList();
            List<String> columns = List.of(lines.get(0).split("\\|", -1));
            List<Row> rows = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split("\\|", -1);
                assertThat(cells).as(line).hasSize(columns.size());
                Map<String, Integer> expected = new java.util.LinkedHashMap<>();
                for (String caller : CALLERS) {
                    expected.put(caller, Integer.parseInt(cells[columns.indexOf(caller)]));
                }
                rows.add(new Row(cells[0], cells[1], cells[2].isEmpty() ? null : cells[2], expected,
                        "yes".equals(cells[columns.indexOf("no_foreign_rows")])));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
