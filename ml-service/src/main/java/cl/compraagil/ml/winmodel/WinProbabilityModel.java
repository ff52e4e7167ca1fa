package cl.compraagil.ml.winmodel;

import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.Prediction;
import org.tribuo.classification.Label;

/** A loaded model version: the Tribuo model and the registry entry it came from. */
record WinProbabilityModel(Model<Label> model, String version) {

    double probability(WinFeatures features) {
        return winProbability(model, features.example(org.tribuo.classification.LabelFactory.UNKNOWN_LABEL));
    }

    static double winProbability(Model<Label> model, Example<Label> example) {
        Prediction<Label> prediction = model.predict(example);
        Label win = prediction.getOutputScores().get(WinFeatures.WIN.getLabel());
        return win == null ? 0 : win.getScore();
    }
}
