package cl.compraagil.ml.winmodel;

import java.time.LocalDate;
import java.util.Map;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/** A freshly trained win model with its time split and held-out metrics. */
record TrainedModel(Model<Label> model, LocalDate trainFrom, LocalDate trainTo, LocalDate testFrom,
        LocalDate testTo, int trainSize, int testSize, Map<String, Object> metrics) {
}
