package cl.compraagil.ml.analysis;

import tools.jackson.databind.node.ObjectNode;

/** Produces the JSON answer of a task; the result is validated against the task's fields by the caller. */
interface AnalysisEngine {

    String name();

    ObjectNode generate(AnalysisTask task, AnalysisContext context);
}
