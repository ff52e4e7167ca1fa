package cl.compraagil.launcher;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One service of the suite as the launcher runs it: its packaged jar, the port it listens on, the path that answers
 * 200 once it can take traffic, and environment variables only it needs (such as its own {@code DB_URL}).
 */
public record ServiceSpec(String module, int port, String readinessPath, Path jar, Map<String, String> environment) {

    public ServiceSpec {
        environment = Map.copyOf(environment);
    }

    public ServiceSpec withPort(int newPort) {
        return new ServiceSpec(module, newPort, readinessPath, jar, environment);
    }

    public ServiceSpec withEnvironment(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(environment);
        more.put(name, value);
        return new ServiceSpec(module, port, readinessPath, jar, more);
    }

    /** Loopback by address: {@code localhost} may resolve to IPv6 first where a service only binds IPv4. */
    public URI readinessUri() {
        return URI.create("http://127.0.0.1:" + port + readinessPath);
    }
}
