package cl.compraagil.notification.outbound;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class TelegramPacerTest {

    private static TelegramPacer pacer(int perSecond) {
        return new TelegramPacer(new TelegramProperties("1:t", URI.create("http://127.0.0.1:9"), Duration.ofSeconds(1), perSecond,
                Duration.ofSeconds(1), Duration.ofSeconds(2)));
    }

    @Test
    void secondMessageToTheSameChatWaitsAboutOneSecond() {
        TelegramPacer pacer = pacer(30);
        assertThat(pacer.reserve(10)).isLessThanOrEqualTo(Duration.ZERO);
        Duration wait = pacer.reserve(10);
        assertThat(wait).isGreaterThan(Duration.ofMillis(800)).isLessThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void differentChatsShareThirtyMessagesPerSecondOverall() {
        TelegramPacer pacer = pacer(30);
        Duration lastSlot = Duration.ZERO;
        for (long chat = 1; chat <= 30; chat++) {
            Duration reserved = pacer.reserve(chat);
            assertThat(reserved).isLessThanOrEqualTo(Duration.ZERO); // granted, possibly after a short sleep
            lastSlot = reserved.negated();
        }
        // the 30th message of the second is spaced 29 × 1/30 s after the first
        assertThat(lastSlot).isGreaterThan(Duration.ofMillis(900)).isLessThan(Duration.ofMillis(1000));
        assertThat(pacer.reserve(31)).isLessThanOrEqualTo(Duration.ZERO.minusMillis(900));
    }

    @Test
    void retryAfterHoldsTheChatForThatLongAndEveryChatBriefly() {
        TelegramPacer pacer = pacer(30);
        pacer.reserve(5);
        pacer.backOff(5, Duration.ofSeconds(7));
        assertThat(pacer.reserve(5)).isGreaterThan(Duration.ofMillis(6_500));
        Duration other = pacer.reserve(6);
        assertThat(other.negated()).isGreaterThan(Duration.ofMillis(800)); // granted only after the global pause
    }
}
