package cl.compraagil.ml.history.generator;

import cl.compraagil.ml.history.generator.MarketCatalog.Product;
import cl.compraagil.ml.history.generator.MarketCatalog.Region;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Writes synthetic Compra Ágil history in the exact COT open-data format (cp1252, {@code ;}, quoted, NA,
 * embedded newlines, the official header typo). The market has a known structure: a fair unit price per
 * product moved by region, season, quantity and a monthly trend; bidders price around it with their own
 * level and noise; and the winner is drawn with odds {@code exp(-BETA·ln(price/fair) + quality)}, so a
 * cheaper bid wins more often but not always.
 */
public final class SyntheticHistoryGenerator {

    /** Strength of the price–win relation the models should recover. */
    public static final double BETA = 6.0;
    static final String HEADER = "\"NombreOOPP\";\"RazonSocialUnidaddeCompra\";\"NombreUnidaddeCompra\";\"RUTUnidaddeCompra\";"
            + "\"CodigoUnidaddeCompra\";\"CodigoCotizacion\";\"NombreCotizacion\";\"DescripcionCotizacion\";\"DireccionEntrega\";"
            + "\"Region\";\"FechaPublicacionParaCotizar\";\"FechaCierreParaCotizar\";\"PlazoEntrega\";\"MontoTotalDisponble\";"
            + "\"ProductoCotizado\";\"CodigoProducto\";\"NombreProductoGenerico\";\"CantidadSolicitada\";\"Estado\";"
            + "\"NOMBRECONTACTO\";\"RazonSocialProveedor\";\"RUTProveedor\";\"Tamano\";\"DetalleCotizacion\";"
            + "\"ProveedorSeleccionado\";\"moneda\";\"MontoTotal\";\"NombreCriterio\";\"CodigoOC\";\"EstadoOC\";"
            + "\"FechaAceptacionOCProveedor\";\"MotivoCancelacion\";\"ConsideraRequisitosMedioambientales\";"
            + "\"ConsideraRequisitosImpactoSocialEconomico\"";
    private static final YearMonth TREND_ORIGIN = YearMonth.of(2024, 1);

    private final long seed;
    private final Random random;
    private final List<Supplier> suppliers;
    private final List<Buyer> buyers;
    private long sequence;

    record Supplier(String name, String rut, int region, double priceLevel, double quality, String size) {
    }

    record Buyer(String name, String rut, int unitCode, int region) {
    }

    public SyntheticHistoryGenerator(long seed) {
        this.seed = seed;
        this.random = new Random(seed);
        this.suppliers = new ArrayList<>();
        this.buyers = new ArrayList<>();
        String[] kinds = {"COMERCIAL", "DISTRIBUIDORA", "INVERSIONES", "SERVICIOS", "SOLUCIONES", "IMPORTADORA"};
        String[] words = {"ANDES", "PACIFICO", "AUSTRAL", "NORTE", "SUR", "CORDILLERA", "LITORAL", "ARAUCO",
                "MAULE", "ATACAMA", "VALLE", "BOSQUE", "ESTRELLA", "CONDOR", "PUMA", "LAGO"};
        for (int i = 0; i < 600; i++) {
            String name = kinds[i % kinds.length] + " " + words[random.nextInt(words.length)] + " "
                    + words[random.nextInt(words.length)] + (i % 3 == 0 ? " SPA" : " LIMITADA");
            suppliers.add(new Supplier(name, rut(76_000_000 + random.nextInt(2_000_000)),
                    random.nextInt(MarketCatalog.REGIONS.size()), Math.exp(random.nextGaussian() * 0.07),
                    random.nextGaussian() * 0.5, random.nextInt(10) == 0 ? "Grande" : "MiPyme"));
        }
        for (int r = 0; r < MarketCatalog.REGIONS.size(); r++) {
            for (String kind : MarketCatalog.BUYER_KINDS) {
                buyers.add(new Buyer(String.format(kind, MarketCatalog.CITIES.get(r)).strip(),
                        rut(60_000_000 + random.nextInt(9_000_000)), 1_000_000 + random.nextInt(900_000), r));
            }
        }
    }

    private SyntheticHistoryGenerator(SyntheticHistoryGenerator market, YearMonth month) {
        this.seed = market.seed;
        this.random = new Random(market.seed * 1_000_003L + month.getYear() * 12L + month.getMonthValue());
        this.suppliers = market.suppliers;
        this.buyers = market.buyers;
        this.sequence = (month.getYear() * 12L + month.getMonthValue()) * 10_000_000L;
    }

    /**
     * A generator for one month of the same market (suppliers, buyers) with its own random stream and cotización
     * numbers: months drawn this way can be written in parallel and give the same rows whatever the order.
     */
    public SyntheticHistoryGenerator forMonth(YearMonth month) {
        return new SyntheticHistoryGenerator(this, month);
    }

    /** Writes one file per month ({@code COT_yyyy-MM.csv}) into the folder and returns their paths. */
    public List<Path> writeMonths(Path folder, YearMonth first, int months, int quotationsPerMonth) throws IOException {
        Files.createDirectories(folder);
        List<Path> files = new ArrayList<>();
        for (int m = 0; m < months; m++) {
            YearMonth month = first.plusMonths(m);
            Path file = folder.resolve("COT_" + month + ".csv");
            try (Writer out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file),
                    Charset.forName("windows-1252")), 1 << 16)) {
                writeMonth(month, quotationsPerMonth, out);
            }
            files.add(file);
        }
        return files;
    }

    /** @return the number of rows written */
    public long writeMonth(YearMonth month, int quotations, Writer out) throws IOException {
        out.write(HEADER);
        out.write('\n');
        long rows = 0;
        for (int q = 0; q < quotations; q++) {
            rows += writeQuotation(month, out);
        }
        return rows;
    }

    private long writeQuotation(YearMonth month, Writer out) throws IOException {
        Buyer buyer = buyers.get(random.nextInt(buyers.size()));
        Region region = MarketCatalog.REGIONS.get(buyer.region());
        LocalDate published = month.atDay(1 + random.nextInt(month.lengthOfMonth()));
        LocalDate closes = published.plusDays(1 + random.nextInt(5));
        int productCount = random.nextDouble() < 0.75 ? 1 : 2 + random.nextInt(2);
        List<Product> products = new ArrayList<>();
        List<Integer> quantities = new ArrayList<>();
        List<Double> fair = new ArrayList<>();
        List<String> names = new ArrayList<>();
        Product first = MarketCatalog.PRODUCTS.get(random.nextInt(MarketCatalog.PRODUCTS.size()));
        for (int p = 0; p < productCount; p++) {
            Product product = p == 0 ? first : MarketCatalog.PRODUCTS.get(random.nextInt(MarketCatalog.PRODUCTS.size()));
            int quantity = product.minQty() + (int) Math.round(Math.pow(random.nextDouble(), 2)
                    * (product.maxQty() - product.minQty()));
            products.add(product);
            quantities.add(quantity);
            fair.add(fairUnitPrice(product, region, month, quantity));
            names.add(product.names().get(random.nextInt(product.names().size()))
                    + (random.nextInt(4) == 0 ? ", O SU EQUIVALENTE." : ""));
        }
        double fairTotal = 0;
        for (int p = 0; p < productCount; p++) {
            fairTotal += fair.get(p) * quantities.get(p);
        }
        List<Supplier> bidders = pickBidders(buyer.region(), region.competition());
        long[] totals = new long[bidders.size()];
        double[] utility = new double[bidders.size()];
        for (int b = 0; b < bidders.size(); b++) {
            double level = bidders.get(b).priceLevel() * Math.exp(random.nextGaussian() * 0.12);
            totals[b] = Math.round(fairTotal * level);
            utility[b] = -BETA * Math.log(level) + bidders.get(b).quality() + gumbel();
        }
        int winner = random.nextDouble() < 0.06 ? -1 : argmax(utility);
        long budget = Math.round(fairTotal * (1.15 + random.nextDouble() * 0.3));
        String codigo = buyer.unitCode() + "-" + (++sequence) + "-COT" + String.valueOf(month.getYear()).substring(2);
        String title = "ADQUISICION DE " + names.get(0).toUpperCase();
        String ocCode = winner < 0 ? "NA" : quote(buyer.unitCode() + "-" + sequence + "-AG" + String.valueOf(month.getYear()).substring(2));
        long rows = 0;
        for (int p = 0; p < productCount; p++) {
            for (int b = 0; b < bidders.size(); b++) {
                Supplier s = bidders.get(b);
                String detail = random.nextInt(5) == 0 ? "- Despacho incluido\n- Garantía 6 meses" : "Entrega en "
                        + (1 + random.nextInt(7)) + " días hábiles, flete incluido";
                out.write(String.join(";", quote(buyer.name()), quote(buyer.name()), quote("UNIDAD DE COMPRAS"),
                        quote(buyer.rut()), Integer.toString(buyer.unitCode()), quote(codigo), quote(title),
                        quote("INCLUIR IVA Y FLETE. PLAZO DE ENTREGA SEGUN LO INDICADO."), quote("CALLE PRINCIPAL 100"),
                        quote(region.name() + (random.nextInt(3) == 0 ? "  " : "")), quote(published.toString()),
                        quote(closes.toString()), Integer.toString(3 + random.nextInt(8)), Long.toString(budget),
                        quote(names.get(p)), Integer.toString(products.get(p).code()), quote(products.get(p).generic()),
                        Integer.toString(quantities.get(p)),
                        quote(winner < 0 ? "Desierta" : "Proveedor seleccionado"), quote("CONTACTO COMPRAS"),
                        quote(s.name()), quote(s.rut()), quote(s.size()), quote(detail),
                        quote(b == winner ? "si" : "no"), quote("CLP"), Long.toString(totals[b]),
                        winner < 0 ? "NA" : quote("Precio, el proveedor ofreció el menor precio."), ocCode,
                        winner < 0 ? "NA" : quote("Recepción conforme"),
                        winner < 0 ? "NA" : quote(closes.plusDays(3).toString()), "NA", quote("No"), quote("No")));
                out.write('\n');
                rows++;
            }
        }
        return rows;
    }

    /** The "true" unit price of the market, which no bidder sees exactly. */
    static double fairUnitPrice(Product product, Region region, YearMonth month, int quantity) {
        double trend = Math.pow(1.003, TREND_ORIGIN.until(month, java.time.temporal.ChronoUnit.MONTHS));
        double volume = Math.pow((double) quantity / Math.max(1, product.minQty()), -0.04);
        return product.basePrice() * region.priceLevel() * MarketCatalog.SEASON_PRICE[month.getMonthValue() - 1]
                * trend * volume;
    }

    private List<Supplier> pickBidders(int region, double competition) {
        int count = 1 + poisson(2.2 * competition);
        List<Supplier> bidders = new ArrayList<>();
        while (bidders.size() < Math.min(count, 12)) {
            Supplier candidate = suppliers.get(random.nextInt(suppliers.size()));
            boolean local = candidate.region() == region;
            if ((local || random.nextDouble() < 0.15) && !bidders.contains(candidate)) {
                bidders.add(candidate);
            }
        }
        return bidders;
    }

    private int poisson(double mean) {
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }

    private double gumbel() {
        return -Math.log(-Math.log(Math.max(1e-12, random.nextDouble())));
    }

    private static int argmax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    private static String quote(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }

    private String rut(int number) {
        int sum = 0;
        int factor = 2;
        for (int n = number; n > 0; n /= 10) {
            sum += (n % 10) * factor;
            factor = factor == 7 ? 2 : factor + 1;
        }
        int check = 11 - sum % 11;
        String digit = check == 11 ? "0" : check == 10 ? (random.nextBoolean() ? "K" : "k") : Integer.toString(check);
        return String.format(java.util.Locale.ROOT, "%,d", number).replace(',', '.') + "-" + digit;
    }
}
