package cl.compraagil.notification.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cl.compraagil.testkit.EmbeddedEngines;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The SMTP provider against GreenMail, a real SMTP server listening on a local port. */
class SmtpEmailSenderTest {

    private final int port = EmbeddedEngines.freePort();
    private final GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP))
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("alertas@compraagil.cl", "relay-user", "clave-del-relay"));

    @BeforeEach
    void start() {
        smtp.start();
    }

    @AfterEach
    void stop() {
        smtp.stop();
    }

    private static EmailProperties smtpProperties(int port, String username, String password) {
        return new EmailProperties(EmailProperties.SMTP, "alertas@compraagil.cl", "Compra Ágil",
                new EmailProperties.Sendgrid(null, null, Duration.ofSeconds(1), Duration.ofSeconds(1)),
                new EmailProperties.Smtp("127.0.0.1", port, username, password, false, false, Duration.ofSeconds(2),
                        Duration.ofSeconds(5)));
    }

    private static QueuedMessage alert(String to) {
        return new QueuedMessage(7, 42L, Channel.EMAIL, to, "Nueva oportunidad: Sillas ergonómicas para la Región de Ñuble",
                "Hola Ana:\nSe publicó «Sillas ergonómicas» en la Región de Ñuble.\nCierra el 28-11-2026 a las 15:00 <hora de Chile>.",
                false, 0);
    }

    @Test
    void spanishAlertArrivesAsUtf8TextWithAnEscapedHtmlAlternative() throws Exception {
        SmtpEmailSender sender = new SmtpEmailSender(smtpProperties(port, "relay-user", "clave-del-relay"));

        SendResult result = sender.send(alert("ana@pyme.cl"));

        assertThat(result).isInstanceOf(SendResult.Sent.class);
        assertThat(smtp.waitForIncomingEmail(5_000, 1)).isTrue();
        MimeMessage received = smtp.getReceivedMessages()[0];
        assertThat(((SendResult.Sent) result).providerId()).isEqualTo(received.getMessageID());
        assertThat(received.getSubject()).isEqualTo("Nueva oportunidad: Sillas ergonómicas para la Región de Ñuble");
        assertThat(((InternetAddress) received.getFrom()[0]).getPersonal()).isEqualTo("Compra Ágil");
        assertThat(received.getAllRecipients()[0].toString()).isEqualTo("ana@pyme.cl");
        assertThat(received.getContentType()).startsWith("multipart/alternative");
        MimeMultipart alternatives = (MimeMultipart) received.getContent();
        String text = (String) alternatives.getBodyPart(0).getContent();
        String html = (String) alternatives.getBodyPart(1).getContent();
        assertThat(alternatives.getBodyPart(0).getContentType()).startsWith("text/plain").containsIgnoringCase("utf-8");
        assertThat(text).contains("Región de Ñuble").contains("<hora de Chile>");
        assertThat(html).contains("lang=\"es-CL\"").contains("Regi&oacute;n de &Ntilde;uble")
                .contains("&lt;hora de Chile&gt;").doesNotContain("<hora de Chile>");
    }

    @Test
    void credentialsTheRelayRefusesAreAPermanentFailure() {
        SmtpEmailSender sender = new SmtpEmailSender(smtpProperties(port, "relay-user", "otra-clave"));

        assertThat(sender.send(alert("ana@pyme.cl"))).isInstanceOf(SendResult.Permanent.class);
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void unreachableRelayIsATransientFailure() {
        SmtpEmailSender sender = new SmtpEmailSender(smtpProperties(EmbeddedEngines.freePort(), null, null));

        assertThat(sender.send(alert("ana@pyme.cl"))).isInstanceOf(SendResult.Transient.class);
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(EmailProperties.class)
    @Import({SmtpEmailSender.class, SendGridEmailSender.class})
    static class Providers {
    }

    @Test
    void configurationChoosesExactlyOneProvider() {
        ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Providers.class);
        runner.withPropertyValues("notification.email.provider=smtp", "notification.email.smtp.host=127.0.0.1")
                .run(context -> assertThat(context).getBean(EmailSender.class).isInstanceOf(SmtpEmailSender.class));
        runner.run(context -> assertThat(context).getBean(EmailSender.class).isInstanceOf(SendGridEmailSender.class));
        runner.withPropertyValues("notification.email.provider=paloma-mensajera")
                .run(context -> assertThat(context).hasFailed());
        assertThat(smtpProperties(port, null, null).enabled()).isTrue();
        assertThatThrownBy(() -> new EmailProperties("fax", "a@b.cl", "x", null, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
