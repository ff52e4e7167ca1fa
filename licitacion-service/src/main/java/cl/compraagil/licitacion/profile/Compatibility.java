package cl.compraagil.licitacion.profile;

import cl.compraagil.security.AuthenticatedUser;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Scores opportunities against the caller's company profile, for every list and detail shown to them. */
@Service
public class Compatibility {

    private final ProfileStore profiles;
    private final JdbcClient jdbc;

    Compatibility(ProfileStore profiles, JdbcClient jdbc) {
        this.profiles = profiles;
        this.jdbc = jdbc;
    }

    public Optional<CompanyProfile> profileOf(AuthenticatedUser user) {
        return profiles.find(ProfileOwner.of(user));
    }

    /** The fit of each codigo, or an empty map when the caller has no profile. */
    public Map<String, Fit> score(AuthenticatedUser user, Collection<String> codigos) {
        Optional<CompanyProfile> profile = profileOf(user);
        if (profile.isEmpty() || codigos.isEmpty()) {
            return Map.of();
        }
        return score(profile.get(), codigos);
    }

    public Map<String, Fit> score(CompanyProfile profile, Collection<String> codigos) {
        Map<String, Fit> fits = new LinkedHashMap<>();
        for (FitInput input : inputs(codigos)) {
            fits.put(input.codigo(), FitScorer.score(profile, input));
        }
        return fits;
    }

    /** Deletes the profile a deleted user owned on their own (organization profiles belong to the organization). */
    public boolean forgetUser(long userId) {
        return profiles.delete(new ProfileOwner("user", userId));
    }

    /** Deletes the profile a deleted organization shared with its members. */
    public boolean forgetOrganization(long organizationId) {
        return profiles.delete(new ProfileOwner("organization", organizationId));
    }

    /** Terms of the profile, for candidate retrieval by full text. */
    public static List<String> searchTerms(CompanyProfile profile) {
        return List.copyOf(FitScorer.terms(profile));
    }

    private List<FitInput> inputs(Collection<String> codigos) {
        return jdbc.sql("""
                SELECT l.codigo, l.nombre, l.descripcion, l.monto_estimado, l.total_ofertas, l.region_codigo,
                       l.plazo_entrega_dias,
                       (SELECT string_agg(coalesce(i.nombre, '') || ' ' || coalesce(i.descripcion, ''), ' ')
                        FROM licitacion_items i WHERE i.licitacion_id = l.id) AS productos
                FROM licitaciones l WHERE l.codigo = ANY (:codigos)
                """)
                .param("codigos", codigos.toArray(String[]::new))
                .query((rs, n) -> new FitInput(rs.getString("codigo"), rs.getString("nombre"),
                        rs.getString("descripcion"), rs.getString("productos"),
                        rs.getObject("monto_estimado", Long.class), rs.getObject("total_ofertas", Integer.class),
                        rs.getObject("region_codigo", Integer.class), rs.getObject("plazo_entrega_dias", Integer.class)))
                .list();
    }
}
