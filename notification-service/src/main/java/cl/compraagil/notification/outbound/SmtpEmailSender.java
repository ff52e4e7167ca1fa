package cl.compraagil.notification.outbound;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Sends one email through an SMTP relay: UTF-8 plain text with its HTML alternative, time-outs on connect, read
 * and write, and a circuit breaker. The relay's reply decides what comes next: 4xx and network errors are retried,
 * 5xx (unknown mailbox, rejected message) and refused credentials are not.
 */
@Component
@ConditionalOnProperty(prefix = "notification.email", name = "provider", havingValue = EmailProperties.SMTP)
class SmtpEmailSender implements EmailSender {

    /** An SMTP reply such as "550 5.1.1 unknown user" or "451 try later" at the start of the exception message. */
    private static final Pattern SMTP_REPLY = Pattern.compile("^\\s*([45])\\d\\d[ -]");

    private final EmailProperties properties;
    private final JavaMailSenderImpl mail;
    private final CircuitBreaker breaker = ProviderClients.breaker("smtp");

    SmtpEmailSender(EmailProperties properties) {
        this.properties = properties;
        this.mail = mailSender(properties.smtp());
    }

    private static JavaMailSenderImpl mailSender(EmailProperties.Smtp smtp) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(smtp.host());
        sender.setPort(smtp.port());
        sender.setDefaultEncoding(StandardCharsets.UTF_8.name());
        boolean authenticated = smtp.username() != null && !smtp.username().isBlank();
        if (authenticated) {
            sender.setUsername(smtp.username());
            sender.setPassword(smtp.password());
        }
        String protocol = smtp.ssl() ? "smtps" : "smtp";
        sender.setProtocol(protocol);
        Properties javaMail = sender.getJavaMailProperties();
        javaMail.put("mail." + protocol + ".auth", Boolean.toString(authenticated));
        javaMail.put("mail.smtp.starttls.enable", Boolean.toString(smtp.starttls()));
        javaMail.put("mail.smtp.starttls.required", Boolean.toString(smtp.starttls()));
        javaMail.put("mail." + protocol + ".connectiontimeout", Long.toString(smtp.connectTimeout().toMillis()));
        javaMail.put("mail." + protocol + ".timeout", Long.toString(smtp.readTimeout().toMillis()));
        javaMail.put("mail." + protocol + ".writetimeout", Long.toString(smtp.readTimeout().toMillis()));
        return sender;
    }

    @Override
    public SendResult send(QueuedMessage message) {
        if (!breaker.tryAcquirePermission()) {
            return new SendResult.Transient("SMTP no disponible (circuito abierto)", Duration.ofSeconds(30));
        }
        long start = System.nanoTime();
        SendResult result;
        try {
            MimeMessage mime = compose(message);
            mail.send(mime);
            result = new SendResult.Sent(mime.getMessageID());
        } catch (MessagingException | UnsupportedEncodingException e) {
            result = new SendResult.Permanent("SMTP: mensaje inválido: " + e.getMessage());
        } catch (MailAuthenticationException e) {
            result = new SendResult.Permanent("SMTP: credenciales rechazadas");
        } catch (MailException e) {
            result = classify(e);
        }
        Outcomes.record(breaker, result, System.nanoTime() - start);
        return result;
    }

    private MimeMessage compose(QueuedMessage message) throws MessagingException, UnsupportedEncodingException {
        MimeMessage mime = mail.createMimeMessage();
        mime.setFrom(new InternetAddress(properties.fromAddress(), properties.fromName(), StandardCharsets.UTF_8.name()));
        mime.setRecipient(Message.RecipientType.TO, new InternetAddress(message.recipient(), true));
        mime.setSubject(message.subject(), StandardCharsets.UTF_8.name());
        MimeBodyPart text = new MimeBodyPart();
        text.setText(message.body(), StandardCharsets.UTF_8.name(), "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(EmailTemplate.html(message.body()), StandardCharsets.UTF_8.name(), "html");
        mime.setContent(new MimeMultipart("alternative", text, html));
        mime.setHeader("Content-Language", "es-CL");
        mime.saveChanges(); // assigns the Message-ID kept as the provider id
        return mime;
    }

    /** The relay's reply code (the first digits of its answer), when it gave one, says whether trying again can help. */
    private static SendResult classify(MailException e) {
        Throwable cause = e instanceof MailSendException send && !send.getFailedMessages().isEmpty()
                ? send.getFailedMessages().values().iterator().next() : e.getCause();
        for (Throwable t = cause; t != null; t = t.getCause()) {
            Matcher reply = t instanceof MessagingException && t.getMessage() != null ? SMTP_REPLY.matcher(t.getMessage()) : null;
            if (reply != null && reply.find()) {
                String error = "SMTP " + t.getMessage().trim();
                return reply.group(1).equals("5") ? new SendResult.Permanent(error) : new SendResult.Transient(error, null);
            }
            if (t instanceof SendFailedException failed && failed.getInvalidAddresses() != null
                    && failed.getInvalidAddresses().length > 0) {
                return new SendResult.Permanent("SMTP: dirección rechazada: " + failed.getMessage());
            }
        }
        return new SendResult.Transient("SMTP: " + e.getClass().getSimpleName() + " "
                + (cause == null ? e.getMessage() : cause.getMessage()), null);
    }
}
