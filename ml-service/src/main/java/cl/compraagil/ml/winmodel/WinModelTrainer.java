package cl.compraagil.ml.winmodel;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.sgd.linear.LinearSGDTrainer;
import org.tribuo.classification.sgd.objectives.LogMulticlass;
import org.tribuo.math.optimisers.AdaGrad;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Trains the win-probability model with Tribuo (logistic regression by SGD) on a time split: older months
 * train, the newest {@code testDays} are held out. Reports AUC, Brier and calibration next to the seed bot's
 * rule (price against the median winning price), and the price backtest of both recommenders.
 */
@Service
class WinModelTrainer {

    private static final Logger log = LoggerFactory.getLogger(WinModelTrainer.class);
    static final String ALGORITHM = "Tribuo LinearSGDTrainer, LogMulticlass (logistic regression), AdaGrad";

    private final TrainingData data;
    private final PriceBacktest backtest;
    private final ModelProperties properties;

    WinModelTrainer(TrainingData data, PriceBacktest backtest, ModelProperties properties) {
        this.data = data;
        this.backtest = backtest;
        this.properties = properties;
    }

    Optional<TrainedModel> train() {
        LocalDate newest = data.newestDate();
        if (newest == null) {
            return Optional.empty();
        }
        LocalDate since = newest.minusMonths(properties.trainingMonths());
        LocalDate testFrom = newest.minusDays(properties.testDays());
        List<TrainingBid> bids = data.bids(since, properties.maxBids());
        LabelFactory labels = new LabelFactory();
        MutableDataset<Label> train = new MutableDataset<>(
                new SimpleDataSourceProvenance("cot_quotes", OffsetDateTime.now(), labels), labels);
        List<Example<Label>> test = new ArrayList<>();
        List<Double> testRatios = new ArrayList<>();
        int[] below = new int[2];
        int[] above = new int[2];
        FeatureState state = new FeatureState();
        for (TrainingBid bid : bids) {
            state.advanceTo(bid.fechaCierre());
            double reference = state.reference(bid.productCode());
            if (!Double.isNaN(reference)) {
                int[] supplier = state.supplier(bid.rut());
                int days = bid.fechaPublicacion() == null ? 0
                        : (int) ChronoUnit.DAYS.between(bid.fechaPublicacion(), bid.fechaCierre());
                WinFeatures features = new WinFeatures(bid.unitPrice() / reference, bid.bidders(), supplier[0],
                        supplier[1], days, bid.region(), bid.productCode());
                Example<Label> example = features.example(bid.won() ? WinFeatures.WIN : WinFeatures.LOSS);
                if (bid.fechaCierre().isBefore(testFrom)) {
                    train.add(example);
                    int[] side = features.priceRatio() <= 1 ? below : above;
                    side[0]++;
                    side[1] += bid.won() ? 1 : 0;
                } else {
                    test.add(example);
                    testRatios.add(features.priceRatio());
                }
            }
            state.record(bid);
        }
        if (train.size() < 200 || test.size() < 50) {
            log.info("Not enough history to train the win model: {} train, {} test bids", train.size(), test.size());
            return Optional.empty();
        }
        LinearSGDTrainer trainer = new LinearSGDTrainer(new LogMulticlass(), new AdaGrad(0.1, 0.1),
                properties.epochs(), 7L);
        Model<Label> model = trainer.train(train);
        Map<String, Object> metrics = evaluate(model, test, testRatios, below, above);
        metrics.put("price_error", backtest.run(testFrom, newest.plusDays(1), properties.backtestCases()));
        metrics.put("algorithm", ALGORITHM);
        log.info("Trained win model on {} bids, tested on {}: {}", train.size(), test.size(), metrics);
        return Optional.of(new TrainedModel(model, since, testFrom.minusDays(1), testFrom, newest, train.size(),
                test.size(), metrics));
    }

    private static Map<String, Object> evaluate(Model<Label> model, List<Example<Label>> test, List<Double> ratios,
            int[] below, int[] above) {
        double[] predicted = new double[test.size()];
        double[] botScore = new double[test.size()];
        double[] botProbability = new double[test.size()];
        boolean[] actual = new boolean[test.size()];
        double belowRate = (below[1] + 1.0) / (below[0] + 2.0);
        double aboveRate = (above[1] + 1.0) / (above[0] + 2.0);
        for (int i = 0; i < predicted.length; i++) {
            predicted[i] = WinProbabilityModel.winProbability(model, test.get(i));
            actual[i] = test.get(i).getOutput().equals(WinFeatures.WIN);
            botScore[i] = -ratios.get(i);
            botProbability[i] = ratios.get(i) <= 1 ? belowRate : aboveRate;
        }
        ModelMetrics ours = ModelMetrics.of(predicted, actual);
        ModelMetrics bot = ModelMetrics.of(botProbability, actual);
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("win_model", ours);
        metrics.put("bot_rule", new ModelMetrics(ModelMetrics.round(ModelMetrics.auc(botScore, actual)), bot.brier(),
                bot.calibration()));
        return metrics;
    }
}
