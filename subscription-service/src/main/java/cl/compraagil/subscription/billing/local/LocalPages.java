package cl.compraagil.subscription.billing.local;

import cl.compraagil.subscription.billing.CheckoutSessionRecord;
import cl.compraagil.subscription.plan.Plan;
import java.text.NumberFormat;
import java.util.Locale;
import org.springframework.web.util.HtmlUtils;

/** The HTML of the local checkout and portal pages (Spanish, no scripts, escaped values). */
final class LocalPages {

    private LocalPages() {
    }

    static String checkout(CheckoutSessionRecord session, Plan plan, String cancelUrl) {
        String amount = NumberFormat.getIntegerInstance(Locale.forLanguageTag("es-CL")).format(session.amount());
        String period = session.interval().yearly() ? "al año" : "al mes";
        return page("Pagar plan " + plan.displayName(), """
                <p>Plan <strong>%s</strong>: <strong>$%s CLP</strong> %s.</p>
                <p>Este es el checkout local de desarrollo: no se cobra nada. Al pagar se envían a este servicio
                los mismos eventos firmados que enviaría Stripe.</p>
                <form method="post" action="%s/pay"><button type="submit">Pagar</button></form>
                <p><a href="%s">Volver sin pagar</a></p>
                """.formatted(esc(plan.displayName()), amount, period, esc(session.id()), esc(cancelUrl)));
    }

    static String portal(String returnUrl) {
        return page("Portal de facturación local", """
                <p>En desarrollo no hay medios de pago ni boletas reales. Cancela o reanuda tu suscripción con
                <code>POST /api/v1/subscriptions/cancel</code> y <code>/resume</code>, y revisa tus pagos en
                <code>GET /api/v1/subscriptions/payments</code>.</p>
                <p><a href="%s">Volver</a></p>
                """.formatted(esc(returnUrl)));
    }

    static String message(String title, String text) {
        return page(title, "<p>" + esc(text) + "</p>");
    }

    private static String page(String title, String body) {
        return """
                <!DOCTYPE html>
                <html lang="es-CL"><head><meta charset="utf-8"><title>%s</title></head>
                <body><h1>%s</h1>%s</body></html>
                """.formatted(esc(title), esc(title), body);
    }

    private static String esc(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
