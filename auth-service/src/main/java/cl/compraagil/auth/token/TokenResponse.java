package cl.compraagil.auth.token;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The seed's token answer: {@code {access_token, refresh_token, token_type: "bearer", expires_in}}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TokenResponse(String accessToken, String refreshToken, String tokenType, long expiresIn) {

    public static TokenResponse bearer(String accessToken, String refreshToken, java.time.Duration lifetime) {
        return new TokenResponse(accessToken, refreshToken, "bearer", lifetime.toSeconds());
    }
}
