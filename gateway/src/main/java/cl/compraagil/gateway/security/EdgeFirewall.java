package cl.compraagil.gateway.security;

import cl.compraagil.gateway.support.NettyHeaders;
import java.util.Set;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;

/**
 * Spring Security's strict firewall rules, applied once per request without wrapping the exchange: the method
 * allow-list, the encoded and decoded URL block-lists (taken from a {@link StrictServerWebExchangeFirewall} with
 * its defaults, so they are the same strings), dot segments, and every header name and value.
 *
 * <p>The stock firewall decorates the exchange: it validates a header each time it is read, and registers a
 * hook that walks the response headers for CR/LF before commit. On a gateway every request header is read
 * several times (routing, token, quota, the proxy's copy), which made the firewall a measurable share of a
 * proxied request. Here each header is checked once, all of them (the stock one only checks those read). The
 * response hook is not needed: Netty refuses a header value with CR or LF when it is set
 * ({@code EdgeFirewallTest} pins that), and the answers the gateway writes carry only its own values and
 * those Netty decoded from a service's answer.
 */
final class EdgeFirewall {

    private static final Set<HttpMethod> ALLOWED_METHODS = Set.of(HttpMethod.DELETE, HttpMethod.GET, HttpMethod.HEAD,
            HttpMethod.OPTIONS, HttpMethod.PATCH, HttpMethod.POST, HttpMethod.PUT);

    private final String[] encodedBlocklist;
    private final String[] decodedBlocklist;

    EdgeFirewall() {
        StrictServerWebExchangeFirewall stock = new StrictServerWebExchangeFirewall();
        this.encodedBlocklist = stock.getEncodedUrlBlocklist().toArray(String[]::new);
        this.decodedBlocklist = stock.getDecodedUrlBlocklist().toArray(String[]::new);
    }

    /** Why the request is refused, or null when it passes every rule. */
    String rejection(ServerHttpRequest request) {
        if (!ALLOWED_METHODS.contains(request.getMethod())) {
            return "method not allowed";
        }
        String path = request.getPath().value();
        String rawPath = request.getURI().getRawPath();
        String decodedPath = request.getURI().getPath();
        for (String blocked : encodedBlocklist) {
            if (contains(path, blocked) || contains(rawPath, blocked)) {
                return "encoded URL contains " + printable(blocked);
            }
        }
        for (String blocked : decodedBlocklist) {
            if (contains(decodedPath, blocked)) {
                return "decoded URL contains " + printable(blocked);
            }
        }
        if (!isNormalized(path) || !isNormalized(rawPath) || !isNormalized(decodedPath)) {
            return "URL not normalized";
        }
        String[] refused = new String[1];
        NettyHeaders.each(request, (name, value) -> {
            if (!HeaderValues.allowedName(name)) {
                refused[0] = "header name not allowed";
            } else if (!HeaderValues.allowed(value)) {
                refused[0] = "value of header " + printable(name.toString()) + " not allowed";
            }
            return refused[0] == null;
        });
        if (refused[0] != null) {
            return refused[0];
        }
        return null;
    }

    private static boolean contains(String value, String blocked) {
        return value != null && value.contains(blocked);
    }

    /** No "." or ".." segment, with or without a trailing slash. */
    static boolean isNormalized(String path) {
        if (path == null) {
            return true;
        }
        int end = path.length();
        while (end > 0) {
            int slash = path.lastIndexOf('/', end - 1);
            int length = end - slash - 1;
            if (length == 1 && path.charAt(slash + 1) == '.') {
                return false;
            }
            if (length == 2 && path.charAt(slash + 1) == '.' && path.charAt(slash + 2) == '.') {
                return false;
            }
            end = slash;
        }
        return true;
    }

    private static String printable(String value) {
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            out.append(c >= 0x20 && c < 0x7f ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        }
        return out.toString();
    }
}
