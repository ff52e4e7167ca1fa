package cl.compraagil.ml.history.importer;

import cl.compraagil.ml.history.parse.HeaderIndex;
import java.util.Locale;

/** The three open-data datasets the history holds, recognised by their header. */
public enum Dataset {
    COT, LIC, OC;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    DatasetFormat format(CurrencyRates rates) {
        return switch (this) {
            case COT -> new CotFormat(rates);
            case LIC -> new LicFormat(rates);
            case OC -> new OcFormat(rates);
        };
    }

    static Dataset detect(HeaderIndex header) {
        if (header.has("CodigoCotizacion")) {
            return COT;
        }
        if (header.has("CodigoExterno") && header.has("Oferta seleccionada")) {
            return LIC;
        }
        if (header.has("precioNeto") && header.has("Codigo")) {
            return OC;
        }
        throw new IllegalArgumentException("Encabezado no reconocido: no es COT, lic-da ni oc-da");
    }
}
