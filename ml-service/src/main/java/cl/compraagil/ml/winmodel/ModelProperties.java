package cl.compraagil.ml.winmodel;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** How the win model is trained: history window, held-out days (the newest), size caps and backtest size. */
@ConfigurationProperties("ml.training")
record ModelProperties(
        @DefaultValue("18") int trainingMonths,
        @DefaultValue("60") int testDays,
        @DefaultValue("400000") int maxBids,
        @DefaultValue("200") int backtestCases,
        @DefaultValue("8") int epochs,
        @DefaultValue("true") boolean trainOnNewHistory) {
}
