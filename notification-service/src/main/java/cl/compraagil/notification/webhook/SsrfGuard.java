package cl.compraagil.notification.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Refuses webhook destinations inside the operator's network: loopback, private, link-local (cloud metadata),
 * carrier-grade NAT, unique-local and multicast addresses, and plain http, unless the allow-list opens the
 * host or the address. Checked when an endpoint is saved and again before every delivery (DNS may change).
 */
@Component
class SsrfGuard {

    private final List<String> allowedHosts;
    private final List<Cidr> allowedNetworks;

    SsrfGuard(WebhookProperties properties) {
        this.allowedHosts = properties.allowedHosts().stream().filter(entry -> !entry.contains("/"))
                .map(entry -> entry.trim().toLowerCase(Locale.ROOT)).filter(entry -> !entry.isEmpty()).toList();
        this.allowedNetworks = properties.allowedHosts().stream().filter(entry -> entry.contains("/"))
                .map(entry -> Cidr.parse(entry.trim())).toList();
    }

    /** @return null when the URL may be called, otherwise the Spanish reason it may not */
    String refusal(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            return "La URL debe usar https.";
        }
        if (url.getHost() == null || url.getRawUserInfo() != null || url.getRawFragment() != null) {
            return "La URL no es válida para un webhook.";
        }
        String host = url.getHost().toLowerCase(Locale.ROOT);
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            return "No se pudo resolver el nombre del servidor de la URL.";
        }
        boolean allAllowListed = true;
        for (InetAddress address : addresses) {
            boolean listed = allowListed(host, address);
            allAllowListed &= listed;
            if (!listed && internal(address)) {
                return "La URL apunta a una dirección interna o reservada, que no se permite para webhooks.";
            }
        }
        if (scheme.equals("http") && !allAllowListed) {
            return "La URL debe usar https.";
        }
        return null;
    }

    /** Whether a connection to this address, resolved for this host, must not be opened (checked again at connect time). */
    boolean refused(String host, InetAddress address) {
        return !allowListed(host.toLowerCase(Locale.ROOT), address) && internal(address);
    }

    private boolean allowListed(String host, InetAddress address) {
        return allowedHosts.contains(host) || allowedNetworks.stream().anyMatch(cidr -> cidr.contains(address));
    }

    static boolean internal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            return first == 0 || first >= 240 || first == 100 && second >= 64 && second < 128
                    || first == 192 && second == 0 && (b[2] & 0xff) == 0 || first == 198 && (second == 18 || second == 19);
        }
        if (address instanceof Inet6Address) {
            boolean uniqueLocal = (b[0] & 0xfe) == 0xfc;
            boolean mappedV4 = isMappedV4(b);
            if (mappedV4) {
                try {
                    return internal(InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, 12, 16)));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
            return uniqueLocal;
        }
        return true;
    }

    private static boolean isMappedV4(byte[] b) {
        for (int i = 0; i < 10; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
    }

    /** An address block of the allow-list, e.g. {@code 10.0.0.0/8} or {@code 127.0.0.1/32}. */
    record Cidr(byte[] network, int prefix) {

        static Cidr parse(String text) {
            String[] parts = text.split("/");
            try {
                return new Cidr(InetAddress.getByName(parts[0]).getAddress(), Integer.parseInt(parts[1]));
            } catch (UnknownHostException | NumberFormatException | ArrayIndexOutOfBoundsException e) {
                throw new IllegalArgumentException("Invalid CIDR in WEBHOOK_ALLOWED_HOSTS: " + text, e);
            }
        }

        boolean contains(InetAddress address) {
            byte[] candidate = address.getAddress();
            if (candidate.length != network.length) {
                return false;
            }
            int bits = prefix;
            for (int i = 0; i < network.length && bits > 0; i++, bits -= 8) {
                int mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
                if ((candidate[i] & mask) != (network[i] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
