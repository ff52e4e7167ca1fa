package cl.compraagil.licitacion.catalog;

/** The two kinds of opportunity Mercado Público publishes: a Compra Ágil quotation or a licitación. */
public enum OpportunityType {
    COMPRA_AGIL("compra_agil"),
    LICITACION("licitacion");

    private final String code;

    OpportunityType(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static OpportunityType fromCode(String code) {
        for (OpportunityType type : values()) {
            if (type.code.equals(code)) {
                return type;
            }
        }
        throw new IllegalArgumentException("Unknown opportunity type " + code);
    }
}
