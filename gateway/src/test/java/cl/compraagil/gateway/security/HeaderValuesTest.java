package cl.compraagil.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;

class HeaderValuesTest {

    private static final Predicate<String> STOCK_RULE = StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES;

    @Test
    void acceptsAndRefusesExactlyWhatTheStockFirewallRuleDoes() {
        List<String> values = Arrays.asList(null, "", "Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln", "text/html; q=0.9",
                "tab\there", "ñandú ☃", "emoji 😀", "line\nfeed", "carriage\rreturn", "nul\u0000", "del\u007f",
                "c1\u0085control", "unassigned\u0378", "lone\uD800surrogate", "x".repeat(900));
        for (String value : values) {
            assertThat(HeaderValues.allowed(value)).as(String.valueOf(value)).isEqualTo(STOCK_RULE.test(value));
        }
    }
}
