package cl.compraagil.ml.competitors;

import java.time.LocalDate;
import java.util.List;

/** Suppliers competing in a market, with rates computed over every bid (winners and losers). */
record CompetitorReport(List<Integer> unspscCodes, String organismo, String region, LocalDate from, LocalDate to,
        int totalCompetitors, long totalBids, List<Competitor> topCompetitors, List<Competitor> frequentWinners,
        String summary) {

    record Competitor(String rut, String name, int bids, int wins, double winRate, Long typicalUnitPrice,
            Long typicalWinningUnitPrice) {
    }
}
