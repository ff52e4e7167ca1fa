package cl.compraagil.ml.analysis;

import java.util.Map;

/**
 * The AI helpers: each with its instruction to the model and the fields its JSON answer must have
 * (name → "string", "array", "object" or "number"), checked before anything reaches the user.
 */
enum AnalysisTask {
    ANALYSIS("analysis", """
            Analiza la licitación para el proveedor: resume qué se compra, qué se pide, requisitos y documentos,
            plazos, riesgos y el ajuste con el perfil de la empresa (puntaje 0 a 100 con explicación).""",
            Map.of("resumen", "string", "que_se_pide", "array", "requisitos_y_documentos", "array",
                    "plazos", "string", "riesgos", "array", "ajuste_con_perfil", "object")),
    GUIDE("quoting_guide", """
            Prepara una guía para cotizar: lista de documentos a revisar, estructura recomendada de la cotización,
            errores que se deben evitar y un cronograma de tareas antes del cierre.""",
            Map.of("checklist_documentos", "array", "estructura_cotizacion", "array", "errores_evitar", "array",
                    "cronograma", "array")),
    DRAFT("bid_draft", """
            Redacta un borrador de oferta del proveedor para esta licitación, en el formato pedido, sobrio y sin
            inventar datos que no estén en el perfil o en la licitación.""",
            Map.of("asunto", "string", "cuerpo", "string")),
    COMPARISON("comparison", """
            Compara las dos licitaciones (A y B) para este proveedor y recomienda en cuál participar.""",
            Map.of("recomendacion", "string", "razon_principal", "string", "ventajas_a", "array",
                    "ventajas_b", "array", "resumen", "string"));

    private final String kind;
    private final String instruction;
    private final Map<String, String> requiredFields;

    AnalysisTask(String kind, String instruction, Map<String, String> requiredFields) {
        this.kind = kind;
        this.instruction = instruction;
        this.requiredFields = requiredFields;
    }

    String kind() {
        return kind;
    }

    String instruction() {
        return instruction;
    }

    Map<String, String> requiredFields() {
        return requiredFields;
    }
}
