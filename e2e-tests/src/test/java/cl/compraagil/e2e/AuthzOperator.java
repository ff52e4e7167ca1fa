package cl.compraagil.e2e;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * What an operator of the suite can do besides calling the API: read a service's database and reset the per-IP
 * counters in Redis. Every e2e request comes from 127.0.0.1, so the sign-up limit (20 per hour per IP) and the
 * gateway's anonymous burst bucket (60 per minute per IP) are shared by all test classes of the run; the authorization
 * and billing tests need more users than that, so they clear those two counters before a batch, as an operator would
 * for a trusted load test. No other limit is touched.
 */
final class AuthzOperator {

    private final RunningSuite suite;

    AuthzOperator(RunningSuite suite) {
        this.suite = suite;
    }

    /**
     * Signs up through the gateway, retrying while the gateway answers 503: right after the suite is ready the first
     * sign-ups outlive the suite's 4 s route time-out (auth-service logs "Throttle unavailable ... Unable to connect to
     * Redis"). A retry after a time-out whose sign-up did commit gets 409, and the account is then simply used.
     */
    static String registerAndLogin(Gateway gateway, String email, String password) {
        String body = """
                {"email":"%s","password":"%s","full_name":"Ana Pérez","company_name":"Pyme SpA","rut":"76.086.428-5","phone":"+56911112222"}
                """.formatted(email, password);
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(90).toNanos();
        java.net.http.HttpResponse<String> registered = gateway.postJson("/api/v1/auth/register", body, null);
        while (registered.statusCode() == 503 && System.nanoTime() < deadline) {
            Gateway.sleep(2_000);
            registered = gateway.postJson("/api/v1/auth/register", body, null);
        }
        if (registered.statusCode() != 201 && registered.statusCode() != 409) {
            throw new AssertionError("register answered " + registered.statusCode() + ": " + registered.body());
        }
        return gateway.login(email, password);
    }

    long count(String database, String sql, Object... parameters) {
        List<List<Object>> rows = query(database, sql, parameters);
        return ((Number) rows.get(0).get(0)).longValue();
    }

    List<List<Object>> query(String database, String sql, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(suite.jdbcUrl(database), "postgres", "postgres");
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<List<Object>> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int c = 1; c <= columns; c++) {
                        row.add(result.getObject(c));
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed on " + database, e);
        }
    }

    int update(String database, String sql, Object... parameters) {
        try (Connection connection = DriverManager.getConnection(suite.jdbcUrl(database), "postgres", "postgres");
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed on " + database, e);
        }
    }

    /** Forgets the sign-up window of auth-service and the anonymous burst bucket of the gateway for every address. */
    void resetPerAddressLimits() {
        for (String pattern : List.of("window:register:ip:*", "rl:{ip:*}:burst")) {
            List<String> keys = redisKeys(pattern);
            if (!keys.isEmpty()) {
                List<String> command = new ArrayList<>();
                command.add("DEL");
                command.addAll(keys);
                redis(command);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private List<String> redisKeys(String pattern) {
        Object answer = redis(List.of("KEYS", pattern));
        List<String> keys = new ArrayList<>();
        for (Object key : (List<Object>) answer) {
            keys.add((String) key);
        }
        return keys;
    }

    /** One command in RESP, enough for KEYS and DEL (the test class path has no Redis client). */
    private Object redis(List<String> command) {
        int port = Integer.parseInt(suite.engines().serviceEnvironment().get("REDIS_PORT"));
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            StringBuilder request = new StringBuilder("*").append(command.size()).append("\r\n");
            for (String part : command) {
                request.append('$').append(part.getBytes(StandardCharsets.UTF_8).length).append("\r\n").append(part).append("\r\n");
            }
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.flush();
            return read(new BufferedInputStream(socket.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object read(InputStream in) throws IOException {
        int type = in.read();
        String line = line(in);
        switch (type) {
            case '+', ':' -> {
                return line;
            }
            case '-' -> throw new IllegalStateException("Redis answered " + line);
            case '$' -> {
                int length = Integer.parseInt(line);
                if (length < 0) {
                    return null;
                }
                byte[] bytes = in.readNBytes(length + 2);
                return new String(bytes, 0, length, StandardCharsets.UTF_8);
            }
            case '*' -> {
                int size = Integer.parseInt(line);
                List<Object> items = new ArrayList<>();
                for (int i = 0; i < size; i++) {
                    items.add(read(in));
                }
                return items;
            }
            default -> throw new IllegalStateException("Unexpected Redis answer type " + (char) type);
        }
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != '\r') {
            if (c < 0) {
                throw new IOException("Redis closed the connection");
            }
            line.append((char) c);
        }
        in.read();
        return line.toString();
    }
}
