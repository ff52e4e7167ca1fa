package cl.compraagil.ml.analysis;

import cl.compraagil.ml.licitacion.Licitacion;

import cl.compraagil.ml.price.PriceRecommendation;
import cl.compraagil.ml.profile.CompanyProfile;
import java.util.List;

/** Everything an analysis is grounded on: the licitación (and a second one to compare), the profile and history. */
record AnalysisContext(Licitacion licitacion, Licitacion other, CompanyProfile profile,
        List<HistoricalCases.Case> cases, PriceRecommendation price, String draftFormat) {
}
