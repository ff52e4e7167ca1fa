package cl.compraagil.notification.alert;

import cl.compraagil.notification.outbound.ChileTime;
import java.text.NumberFormat;
import java.util.Locale;

/** The Spanish (Chile) wording of alert messages for each channel. */
final class AlertMessages {

    private static final Locale CHILE = Locale.forLanguageTag("es-CL");

    private AlertMessages() {
    }

    static String title(Licitacion l) {
        String kind = "compra_agil".equals(l.tipo()) ? "Compra Ágil" : "Licitación";
        return kind + " nueva: " + nonBlank(l.nombre(), l.codigo());
    }

    static String inboxBody(AlertRule rule, Licitacion l) {
        return "Calza con tu alerta «" + rule.name() + "». " + details(l);
    }

    static String emailBody(String greetingName, AlertRule rule, Licitacion l, String url) {
        String hello = greetingName.isEmpty() ? "Hola:" : "Hola " + greetingName + ":";
        return hello + "\n\nHay una oportunidad nueva que calza con tu alerta «" + rule.name() + "».\n\n"
                + nonBlank(l.nombre(), l.codigo()) + "\n" + details(l) + "\n\nVer detalle: " + url
                + "\n\nRecibes este correo porque creaste esta alerta en Compra Ágil. Puedes cambiar sus canales o "
                + "desactivarla cuando quieras.\n\nEl equipo de Compra Ágil";
    }

    static String telegramText(AlertRule rule, Licitacion l, String url) {
        return "🔔 " + title(l) + "\n" + details(l) + "\nAlerta: " + rule.name() + "\n" + url;
    }

    static String details(Licitacion l) {
        StringBuilder text = new StringBuilder();
        text.append("Código ").append(l.codigo());
        if (l.organismo() != null) {
            text.append(" · ").append(l.organismo());
        }
        if (l.region() != null) {
            text.append(" · ").append(l.region());
        }
        if (l.montoEstimado() != null) {
            text.append(" · Monto estimado ").append(money(l.montoEstimado(), l.moneda()));
        }
        if (l.fechaCierre() != null) {
            text.append(" · Cierra ").append(ChileTime.at(l.fechaCierre()));
        }
        return text.toString();
    }

    static String money(long amount, String currency) {
        String formatted = NumberFormat.getIntegerInstance(CHILE).format(amount);
        return currency == null || "CLP".equalsIgnoreCase(currency) ? "$" + formatted : formatted + " " + currency;
    }

    private static String nonBlank(String text, String fallback) {
        return text == null || text.isBlank() ? fallback : text.trim();
    }
}
