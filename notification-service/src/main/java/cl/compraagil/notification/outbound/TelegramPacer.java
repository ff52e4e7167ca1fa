package cl.compraagil.notification.outbound;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Keeps this replica within Telegram's flood limits: at most one message per chat per interval and a global
 * rate, plus any {@code retry_after} Telegram imposed on a chat or on the whole bot.
 */
@Component
class TelegramPacer {

    private final long perChatNanos;
    private final long globalNanos;
    private final Map<Long, Long> nextPerChat = new ConcurrentHashMap<>();
    private long nextGlobal;

    TelegramPacer(TelegramProperties properties) {
        this.perChatNanos = properties.perChatInterval().toNanos();
        this.globalNanos = 1_000_000_000L / Math.max(1, properties.messagesPerSecond());
    }

    /** Reserves a send slot now, or says how long the chat must wait (nothing is reserved then). */
    synchronized Duration reserve(long chatId) {
        long now = System.nanoTime();
        long chatReady = nextPerChat.getOrDefault(chatId, now);
        if (chatReady > now) {
            return Duration.ofNanos(chatReady - now);
        }
        long globalWait = Math.max(0, nextGlobal - now);
        if (globalWait > 1_000_000_000L) {
            return Duration.ofNanos(globalWait);
        }
        long slot = now + globalWait;
        nextGlobal = slot + globalNanos;
        nextPerChat.put(chatId, slot + perChatNanos);
        if (nextPerChat.size() > 50_000) {
            nextPerChat.values().removeIf(ready -> ready < now);
        }
        return Duration.ofNanos(-globalWait);
    }

    /** Telegram answered 429 for this chat: hold it (and, since the limit may be global, briefly every chat). */
    synchronized void backOff(long chatId, Duration retryAfter) {
        long until = System.nanoTime() + retryAfter.toNanos();
        nextPerChat.merge(chatId, until, Math::max);
        nextGlobal = Math.max(nextGlobal, Math.min(until, System.nanoTime() + 1_000_000_000L));
    }
}
