package cl.compraagil.security;

/** The shape of an access token, shared by the issuer (auth-service) and every verifier. */
public final class AccessTokens {

    /** RFC 9068 media type of a JWT access token, carried in the {@code typ} header. */
    public static final String TYPE = "at+jwt";
    public static final String CLAIM_EMAIL = "email";
    public static final String CLAIM_ROLES = "roles";
    public static final String CLAIM_ORGANIZATION = "org";
    public static final String CLAIM_ORGANIZATION_ROLE = "org_role";
    public static final String CLAIM_SCOPE = "scope";
    /** How the token was obtained: {@code password}, {@code refresh}, {@code api_key}, {@code telegram}. */
    public static final String CLAIM_AUTH_METHOD = "amr";
    public static final String CLAIM_API_KEY_ID = "api_key_id";
    public static final String ROLE_USER = "user";
    public static final String ROLE_ADMIN = "admin";
    public static final String ROLE_SERVICE = "service";

    private AccessTokens() {
    }
}
