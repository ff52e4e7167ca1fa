package cl.compraagil.auth.telegram;

import cl.compraagil.auth.token.TokenResponse;
import cl.compraagil.auth.user.User;
import cl.compraagil.auth.web.Callers;
import cl.compraagil.security.AuthenticatedUser;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Telegram linking: the user asks for a code, the bot (with its own credential) confirms it. */
@RestController
@RequestMapping("/api/v1/auth/telegram")
class TelegramController {

    record LinkRequest(@NotBlank(message = "Falta el código.") @Size(max = 20) String code,
            @NotNull(message = "Falta telegram_id.") @Positive(message = "telegram_id no es válido.") Long telegramId) {
    }

    record ChatRequest(@NotNull(message = "Falta telegram_id.") @Positive(message = "telegram_id no es válido.")
                       Long telegramId) {
    }

    record Linked(long userId, String fullName, long telegramId) {
    }

    private final TelegramLinking linking;
    private final BotCredential bot;

    TelegramController(TelegramLinking linking, BotCredential bot) {
        this.linking = linking;
        this.bot = bot;
    }

    @Operation(summary = "A one-time code (10 minutes) the user sends to the bot to link the chat")
    @PostMapping("/link-code")
    TelegramLinking.LinkCode linkCode(AuthenticatedUser caller) {
        Callers.requireUserToken(caller);
        return linking.newCode(caller.id());
    }

    @Operation(summary = "Unlink the caller's Telegram chat")
    @DeleteMapping
    ResponseEntity<Void> unlink(AuthenticatedUser caller) {
        Callers.requireUserToken(caller);
        linking.unlinkUser(caller.id());
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Bot only: confirm a link code typed in a chat")
    @PostMapping("/link")
    Linked link(@RequestHeader(name = BotCredential.HEADER, required = false) String secret,
            @Valid @RequestBody LinkRequest request) {
        bot.check(secret);
        User user = linking.link(request.code(), request.telegramId());
        return new Linked(user.id(), user.fullName(), request.telegramId());
    }

    @Operation(summary = "Bot only: the chat left the bot, unlink it")
    @PostMapping("/unlink-chat")
    ResponseEntity<Void> unlinkChat(@RequestHeader(name = BotCredential.HEADER, required = false) String secret,
            @Valid @RequestBody ChatRequest request) {
        bot.check(secret);
        linking.unlinkChat(request.telegramId());
        return ResponseEntity.noContent().build();
    }

    @Operation(summary = "Bot only: a 5-minute access token for the account linked to a chat")
    @PostMapping("/token")
    TokenResponse token(@RequestHeader(name = BotCredential.HEADER, required = false) String secret,
            @Valid @RequestBody ChatRequest request) {
        bot.check(secret);
        return linking.tokenFor(request.telegramId());
    }
}
