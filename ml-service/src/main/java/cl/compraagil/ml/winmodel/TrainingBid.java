package cl.compraagil.ml.winmodel;

import java.time.LocalDate;

/** A priced historical bid as the trainer reads it. */
record TrainingBid(String codigo, int productCode, double unitPrice, boolean won, LocalDate fechaCierre,
        LocalDate fechaPublicacion, String region, String rut, int bidders) {
}
