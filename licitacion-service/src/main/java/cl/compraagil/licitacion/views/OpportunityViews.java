package cl.compraagil.licitacion.views;

import cl.compraagil.licitacion.profile.CompanyProfile;
import cl.compraagil.licitacion.profile.Compatibility;
import cl.compraagil.licitacion.profile.Fit;
import cl.compraagil.licitacion.saved.SavedLicitaciones;
import cl.compraagil.licitacion.search.LicitacionSearch;
import cl.compraagil.licitacion.search.LicitacionSummary;
import cl.compraagil.licitacion.search.SearchCriteria;
import cl.compraagil.licitacion.search.SearchPage;
import cl.compraagil.licitacion.search.SortOrder;
import cl.compraagil.problem.ApiProblem;
import cl.compraagil.security.AuthenticatedUser;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The views bot users rely on, over open opportunities only: best fit first ({@code oportunidades}), closing
 * soon ({@code urgentes}), by amount range, and {@code recomendadas} (good fits not saved yet, with time to quote).
 */
@Service
class OpportunityViews {

    static final int CANDIDATES = 300;
    static final int RECOMMENDED_MIN_SCORE = 60;

    private final LicitacionSearch search;
    private final Compatibility compatibility;
    private final SavedLicitaciones saved;
    private final Clock clock;

    OpportunityViews(LicitacionSearch search, Compatibility compatibility, SavedLicitaciones saved, Clock clock) {
        this.search = search;
        this.compatibility = compatibility;
        this.saved = saved;
        this.clock = clock;
    }

    SearchPage oportunidades(AuthenticatedUser user, int limit) {
        CompanyProfile profile = requireProfile(user);
        List<LicitacionSummary> ranked = bestFit(profile, clock.instant());
        return new SearchPage(ranked.stream().limit(limit).toList(), ranked.size(), null);
    }

    SearchPage recomendadas(AuthenticatedUser user, int limit) {
        CompanyProfile profile = requireProfile(user);
        Instant now = clock.instant();
        Set<String> alreadySaved = new HashSet<>(saved.codigos(user.id()));
        List<LicitacionSummary> picks = bestFit(profile, now.plus(Duration.ofHours(1))).stream()
                .filter(item -> ((Fit) item.compatibilidad()).score() >= RECOMMENDED_MIN_SCORE)
                .filter(item -> !alreadySaved.contains(item.codigo()))
                .limit(limit)
                .toList();
        return new SearchPage(picks, picks.size(), null);
    }

    SearchPage urgentes(AuthenticatedUser user, int days, int limit) {
        Instant now = clock.instant();
        return withFit(user, search.search(SearchCriteria.openClosingBetween(now, now.plus(Duration.ofDays(days)), limit)));
    }

    SearchPage porMonto(AuthenticatedUser user, Long min, Long max, int limit) {
        return withFit(user, search.search(SearchCriteria.openInAmountRange(clock.instant(), min, max, limit)));
    }

    /** Open candidates matching any profile term by full text, then ordered by compatibility. */
    private List<LicitacionSummary> bestFit(CompanyProfile profile, Instant closingAfter) {
        String anyTerm = Compatibility.searchTerms(profile).stream()
                .map(term -> term.replaceAll("[\"\\-]", " ").strip())
                .filter(term -> !term.isEmpty())
                .map(term -> term.contains(" ") ? "\"" + term + "\"" : term)
                .collect(Collectors.joining(" or "));
        if (anyTerm.isEmpty()) {
            return List.of();
        }
        SearchPage candidates = search.search(new SearchCriteria(anyTerm, null, List.of("publicada"), null, null, null,
                null, closingAfter, null, null, SortOrder.RELEVANCE, CANDIDATES, null));
        Map<String, Fit> fits = compatibility.score(profile,
                candidates.items().stream().map(LicitacionSummary::codigo).toList());
        return candidates.items().stream()
                .map(item -> item.withCompatibilidad(fits.get(item.codigo())))
                .filter(item -> item.compatibilidad() != null)
                .sorted(Comparator.comparingInt((LicitacionSummary item) -> ((Fit) item.compatibilidad()).score())
                        .reversed()
                        .thenComparing(LicitacionSummary::fechaCierre, Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
    }

    private SearchPage withFit(AuthenticatedUser user, SearchPage page) {
        Map<String, Fit> fits = compatibility.score(user, page.items().stream().map(LicitacionSummary::codigo).toList());
        return fits.isEmpty() ? page
                : page.map(items -> items.stream().map(item -> item.withCompatibilidad(fits.get(item.codigo()))).toList());
    }

    private CompanyProfile requireProfile(AuthenticatedUser user) {
        return compatibility.profileOf(user).orElseThrow(() -> new ApiProblem(HttpStatus.CONFLICT, "profile_required",
                "Configura tu perfil de empresa (PUT /api/v1/licitaciones/profile) para ver oportunidades a tu medida."));
    }
}
