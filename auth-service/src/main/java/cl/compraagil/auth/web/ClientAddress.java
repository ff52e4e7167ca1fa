package cl.compraagil.auth.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The caller's IP as Tomcat resolved it: {@code server.forward-headers-strategy: native} trusts
 * X-Forwarded-For only from internal proxies (the gateway), so a client cannot pick its own address.
 */
public final class ClientAddress {

    private ClientAddress() {
    }

    public static String of(HttpServletRequest request) {
        String address = request.getRemoteAddr();
        return address == null ? "unknown" : address;
    }
}
