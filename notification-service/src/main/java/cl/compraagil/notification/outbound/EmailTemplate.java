package cl.compraagil.notification.outbound;

import org.springframework.web.util.HtmlUtils;

/**
 * The HTML alternative of every email: the Spanish plain-text body the message was composed with, escaped, in a
 * readable font. Both providers send it beside the plain text.
 */
final class EmailTemplate {

    private EmailTemplate() {
    }

    static String html(String plainText) {
        return "<!DOCTYPE html><html lang=\"es-CL\"><body><div style=\"font-family:Arial,sans-serif;font-size:14px;line-height:1.5\">"
                + HtmlUtils.htmlEscape(plainText).replace("\n", "<br>")
                + "</div><p style=\"font-family:Arial,sans-serif;font-size:12px;color:#666\">Recibes este correo por tu cuenta "
                + "en Compra Ágil. Puedes cambiar tus alertas en la aplicación.</p></body></html>";
    }
}
