package cl.compraagil.auth.web;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springframework.context.annotation.Configuration;

/** Title and bearer scheme of auth-service's OpenAPI document (aggregated by the gateway). */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(info = @Info(title = "auth-service", version = "v1",
        description = "Cuentas, sesiones, llaves de firma (JWKS), API keys, organizaciones y Telegram."),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
class OpenApiDocument {
}
