package cl.compraagil.licitacion.ingestion;

import cl.compraagil.licitacion.catalog.Opportunity;
import cl.compraagil.licitacion.catalog.OpportunityItem;
import cl.compraagil.licitacion.catalog.OpportunityType;
import cl.compraagil.licitacion.mercadopublico.CompraAgilParser;
import cl.compraagil.licitacion.mercadopublico.LicitacionV1Parser;
import cl.compraagil.licitacion.mercadopublico.Regions;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Makes realistic opportunities (Spanish names and descriptions, real UNSPSC codes, Chilean buyers and
 * regions, amounts within the Compra Ágil ceiling) so a local run without a ticket, and the search benchmark,
 * have data shaped like Mercado Público's. Deterministic for a given seed; codigos never clash with real ones.
 */
public final class OpportunityGenerator {

    private record Product(String nombre, String codigo, String generico, String unidad, int maxCantidad, int precio) {
    }

    private record Buyer(String organismo, String rut, String comuna, int region) {
    }

    private static final List<Product> PRODUCTS = List.of(
            new Product("notebook 14 pulgadas Intel Core i5 16 GB RAM", "43211503", "Computadores portátiles", "UN", 20, 650000),
            new Product("computador de escritorio all-in-one", "43211507", "Computadores de escritorio", "UN", 15, 720000),
            new Product("monitor LED 24 pulgadas", "43211902", "Monitores de pantalla de cristal líquido", "UN", 30, 130000),
            new Product("impresora multifuncional láser", "43212105", "Impresoras láser", "UN", 10, 280000),
            new Product("tóner compatible HP 85A", "44103103", "Tóner para impresoras o fax", "UN", 60, 25000),
            new Product("resmas de papel carta 75 gramos", "14111507", "Papel para impresora o fotocopiadora", "RM", 400, 4200),
            new Product("guantes de nitrilo talla M caja 100 unidades", "42132203", "Guantes médicos de examen", "CJ", 200, 6500),
            new Product("mascarillas quirúrgicas desechables", "42131713", "Mascarillas quirúrgicas", "CJ", 300, 3500),
            new Product("alcohol gel 70% envase 1 litro", "53131626", "Desinfectantes para manos", "UN", 300, 4800),
            new Product("jeringas desechables 5 ml", "42142523", "Jeringas hipodérmicas", "CJ", 100, 9000),
            new Product("paracetamol 500 mg comprimidos", "51142001", "Analgésicos no narcóticos", "CJ", 500, 1200),
            new Product("sillas ergonómicas de oficina", "56112104", "Sillas de oficina", "UN", 40, 95000),
            new Product("escritorios modulares de melamina", "56101703", "Escritorios", "UN", 20, 120000),
            new Product("estantes metálicos de 5 repisas", "56101520", "Estantes", "UN", 30, 60000),
            new Product("sacos de cemento de 25 kg", "30111601", "Cemento", "SC", 500, 5200),
            new Product("pintura látex blanca galón", "31211508", "Pinturas al látex", "GL", 150, 14000),
            new Product("servicio de mantención de áreas verdes", "70111703", "Servicios de mantenimiento de jardines", "SV", 1, 2500000),
            new Product("servicio de aseo industrial", "76111501", "Servicios de limpieza de edificios", "SV", 1, 1800000),
            new Product("colaciones para actividad comunitaria", "90101603", "Servicios de catering", "UN", 400, 4500),
            new Product("arriendo de buses para traslado de estudiantes", "78111803", "Alquiler de autobuses", "SV", 4, 450000),
            new Product("neumáticos 195/65 R15 para vehículos municipales", "25172504", "Neumáticos para automóviles", "UN", 24, 65000),
            new Product("aceite de motor 15W40 bidón 4 litros", "15121501", "Aceite de motor", "UN", 40, 22000),
            new Product("kits de útiles escolares", "44121600", "Suministros de escritorio", "UN", 300, 12000),
            new Product("juguetes didácticos para sala cuna", "60141000", "Juguetes", "UN", 120, 15000),
            new Product("café en grano 1 kg", "50201706", "Café", "UN", 60, 14000),
            new Product("bidones de agua purificada 20 litros", "50202301", "Agua potable", "UN", 200, 3500),
            new Product("cámaras de vigilancia IP", "46171610", "Cámaras de seguridad", "UN", 16, 110000),
            new Product("licencias de software antivirus", "43233205", "Software de seguridad o protección", "UN", 100, 28000),
            new Product("switch de red 24 puertos administrable", "43222612", "Conmutadores de red", "UN", 6, 380000),
            new Product("extintores PQS 6 kg", "46191601", "Extintores", "UN", 40, 32000),
            new Product("señalética de seguridad fotoluminiscente", "55121700", "Señalización", "UN", 80, 9000),
            new Product("calefactores eléctricos para salas", "40101802", "Calefactores", "UN", 25, 55000),
            new Product("luminarias LED 100W para alumbrado público", "39111501", "Luminarias", "UN", 60, 95000),
            new Product("frazadas y ropa de cama hospitalaria", "52121500", "Ropa de cama", "UN", 150, 18000),
            new Product("uniformes institucionales con logo bordado", "53102710", "Uniformes corporativos", "UN", 120, 24000),
            new Product("insumos de laboratorio clínico", "41116100", "Reactivos de análisis clínico", "KT", 30, 85000),
            // the long tail: products a few buyers ask for, so searches meet rare words as well as common ones
            new Product("desfibrilador externo automático", "42172001", "Desfibriladores", "UN", 3, 1450000),
            new Product("motosierra a combustión 20 pulgadas", "27112038", "Motosierras", "UN", 4, 390000),
            new Product("electrocardiógrafo de 12 canales", "42181701", "Electrocardiógrafos", "UN", 2, 2300000),
            new Product("pizarras interactivas para salas de clases", "44111911", "Pizarras interactivas", "UN", 10, 890000),
            new Product("bicicletas para programa de seguridad ciudadana", "25111901", "Bicicletas", "UN", 12, 240000),
            new Product("contenedores de basura de 360 litros", "47121701", "Contenedores de residuos", "UN", 80, 68000),
            new Product("semillas de hortalizas para huertos comunitarios", "10151500", "Semillas de hortalizas", "KG", 50, 18000),
            new Product("leña seca de eucaliptus por metro cúbico", "15101800", "Combustibles sólidos", "M3", 60, 45000),
            new Product("cilindros de gas licuado de 45 kg", "15111510", "Gas licuado de petróleo", "UN", 40, 78000),
            new Product("vacunas antirrábicas para operativo veterinario", "42121600", "Vacunas veterinarias", "DS", 500, 3800),
            new Product("audífonos para adultos mayores", "42211702", "Audífonos", "UN", 30, 320000),
            new Product("sillas de ruedas estándar", "42211502", "Sillas de ruedas", "UN", 10, 130000),
            new Product("colchones antiescaras", "42192204", "Colchones médicos", "UN", 15, 160000),
            new Product("proyector multimedia 4000 lúmenes", "45111609", "Proyectores multimedia", "UN", 8, 420000),
            new Product("drones con cámara térmica", "25132000", "Vehículos aéreos no tripulados", "UN", 2, 3900000),
            new Product("generador eléctrico diésel 10 kVA", "26111604", "Generadores diésel", "UN", 2, 4100000),
            new Product("mangueras contra incendio 52 mm", "46191606", "Mangueras contra incendios", "UN", 20, 95000),
            new Product("instrumentos musicales para orquesta escolar", "60131000", "Instrumentos musicales", "UN", 15, 210000),
            new Product("balones de fútbol número 5", "49161504", "Balones de fútbol", "UN", 60, 14000),
            new Product("mallas raschel para invernadero", "11162110", "Mallas agrícolas", "RL", 20, 52000),
            new Product("forraje de alfalfa en fardos", "10121800", "Forraje", "UN", 300, 9000),
            new Product("pañales para adultos talla G", "53102305", "Pañales para adultos", "PQ", 300, 11000),
            new Product("fonendoscopios de doble campana", "42181902", "Estetoscopios", "UN", 20, 45000),
            new Product("termómetros digitales infrarrojos", "41112228", "Termómetros", "UN", 40, 22000),
            new Product("radios portátiles VHF para emergencias", "43191501", "Radios de dos vías", "UN", 12, 260000),
            new Product("baterías de litio para vehículos eléctricos", "26111711", "Baterías recargables", "UN", 6, 980000),
            new Product("paneles solares fotovoltaicos 450W", "26111611", "Paneles solares", "UN", 30, 160000),
            new Product("mobiliario de juegos infantiles para plaza", "49241501", "Juegos infantiles de exterior", "UN", 4, 2600000),
            new Product("chalecos reflectantes para inspectores", "46181531", "Chalecos de seguridad", "UN", 100, 7000),
            new Product("carpas de emergencia para damnificados", "56101813", "Carpas", "UN", 25, 190000));

    /** Unusual requests, each in about one opportunity in ten thousand: the rare words of a search. */
    private static final List<Product> UNUSUAL = List.of(
            new Product("ecógrafo portátil veterinario", "42191902", "Ecógrafos", "UN", 1, 6100000),
            new Product("kayaks de polietileno para escuela de deportes náuticos", "49121508", "Kayaks", "UN", 6, 520000),
            new Product("telescopio reflector para observatorio escolar", "41111813", "Telescopios", "UN", 1, 1900000),
            new Product("arpa llanera para conjunto folclórico", "60131102", "Arpas", "UN", 1, 850000),
            new Product("piano vertical acústico", "60131206", "Pianos", "UN", 1, 4300000),
            new Product("trampas para roedores de captura viva", "10191703", "Trampas para animales", "UN", 40, 16000),
            new Product("boyas de señalización marítima", "46161605", "Boyas", "UN", 4, 980000),
            new Product("sismógrafo de banda ancha", "41114302", "Sismógrafos", "UN", 1, 5600000),
            new Product("colmenas de abejas con núcleo", "10101700", "Insectos útiles", "UN", 20, 120000),
            new Product("trajes de buceo de neopreno", "49121700", "Trajes de buceo", "UN", 8, 240000),
            new Product("equipo de rayos X dental", "42151601", "Equipos de rayos X dentales", "UN", 1, 5200000),
            new Product("camilla de rescate en montaña", "42172102", "Camillas de rescate", "UN", 3, 690000),
            new Product("incubadora neonatal de transporte", "42231901", "Incubadoras neonatales", "UN", 1, 6300000),
            new Product("carro de arrastre para caballos", "25173900", "Remolques", "UN", 1, 2100000),
            new Product("hidrolavadora industrial de agua caliente", "47121806", "Hidrolavadoras", "UN", 2, 1300000),
            new Product("estación meteorológica automática", "41112400", "Estaciones meteorológicas", "UN", 1, 3700000),
            new Product("vestuario de cueca para ballet folclórico", "53102000", "Vestuario", "UN", 20, 85000),
            new Product("mascotas de peluche para campaña preventiva", "60141100", "Peluches", "UN", 200, 6000),
            new Product("chalupa de aluminio con motor fuera de borda", "25111500", "Embarcaciones", "UN", 1, 6500000),
            new Product("detector de metales para control de acceso", "46171614", "Detectores de metales", "UN", 2, 2400000));

    /**
     * Product popularity falls off like word frequencies (Zipf, exponent 0.9): the first products of the list
     * appear in about a tenth of the opportunities, the last ones in a few per thousand.
     */
    private static final double[] POPULARITY = popularity(PRODUCTS.size(), 0.9);

    private static final List<Buyer> BUYERS = List.of(
            new Buyer("I MUNICIPALIDAD DE PUENTE ALTO", "69.072.500-3", "Puente Alto", 13),
            new Buyer("I MUNICIPALIDAD DE MAIPU", "69.070.900-8", "Maipú", 13),
            new Buyer("I MUNICIPALIDAD DE LA FLORIDA", "69.070.500-2", "La Florida", 13),
            new Buyer("HOSPITAL SAN JUAN DE DIOS", "61.608.102-0", "Santiago", 13),
            new Buyer("UNIVERSIDAD DE SANTIAGO DE CHILE", "60.911.000-7", "Estación Central", 13),
            new Buyer("I MUNICIPALIDAD DE VALPARAISO", "69.060.100-1", "Valparaíso", 5),
            new Buyer("I MUNICIPALIDAD DE VIÑA DEL MAR", "69.061.300-K", "Viña del Mar", 5),
            new Buyer("HOSPITAL GUILLERMO GRANT BENAVENTE", "61.602.054-4", "Concepción", 8),
            new Buyer("I MUNICIPALIDAD DE LOS ANGELES", "69.170.100-K", "Los Ángeles", 8),
            new Buyer("SERVICIO DE SALUD ARAUCANIA SUR", "61.607.600-0", "Temuco", 9),
            new Buyer("I MUNICIPALIDAD DE ANTOFAGASTA", "69.020.300-6", "Antofagasta", 2),
            new Buyer("I MUNICIPALIDAD DE CALAMA", "69.020.500-9", "Calama", 2),
            new Buyer("I MUNICIPALIDAD DE IQUIQUE", "69.010.100-9", "Iquique", 1),
            new Buyer("I MUNICIPALIDAD DE LA SERENA", "69.040.100-2", "La Serena", 4),
            new Buyer("HOSPITAL REGIONAL DE RANCAGUA", "61.602.008-0", "Rancagua", 6),
            new Buyer("I MUNICIPALIDAD DE TALCA", "69.100.100-7", "Talca", 7),
            new Buyer("HOSPITAL DE PUERTO MONTT", "61.607.200-5", "Puerto Montt", 10),
            new Buyer("I MUNICIPALIDAD DE COYHAIQUE", "69.240.100-K", "Coyhaique", 11),
            new Buyer("UNIVERSIDAD DE MAGALLANES", "71.133.700-8", "Punta Arenas", 12),
            new Buyer("I MUNICIPALIDAD DE VALDIVIA", "69.200.100-1", "Valdivia", 14),
            new Buyer("I MUNICIPALIDAD DE ARICA", "69.010.300-1", "Arica", 15),
            new Buyer("HOSPITAL CLINICO HERMINDA MARTIN", "61.607.900-K", "Chillán", 16),
            new Buyer("JUNTA NACIONAL DE JARDINES INFANTILES", "70.072.600-2", "Santiago", 13),
            new Buyer("CARABINEROS DE CHILE", "60.505.000-5", "Santiago", 13));

    private static final List<String> VERBS = List.of("Adquisición de", "Compra de", "Suministro de", "Provisión de");
    private static final List<String> DESTINATIONS = List.of("el Departamento de Salud Municipal", "la Escuela Básica",
            "el CESFAM", "la Dirección de Obras", "el Liceo Bicentenario", "la Oficina de Partes", "el Programa PIE",
            "la Unidad de Urgencia", "el Jardín Infantil", "la Dirección de Tránsito", "la Bodega Central",
            "el Servicio de Pabellón", "la Biblioteca Municipal", "el Laboratorio Clínico");
    private static final List<String> CLOSED = List.of("cerrada", "desierta", "proveedor_seleccionado", "cancelada");
    private static final long CA_CEILING_CLP = 6_900_000;

    private final SplittableRandom random;
    private long sequence;

    public OpportunityGenerator(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** An open opportunity published in the last three days and closing within the next ten. */
    public Opportunity open(Instant now) {
        Instant published = now.minus(Duration.ofMinutes(random.nextInt(1, 72 * 60)));
        Instant closes = now.plus(Duration.ofMinutes(random.nextInt(60, 10 * 24 * 60)));
        return build(published, closes, "publicada");
    }

    /**
     * An opportunity of the last 18 months: about 3 % still open (a Compra Ágil stays open for days, so that is
     * the live share of a store that keeps history), the rest closed, void, awarded or cancelled.
     */
    public Opportunity historical(Instant now) {
        if (random.nextInt(33) == 0) {
            return open(now);
        }
        Instant published = now.minus(Duration.ofMinutes(random.nextInt(4 * 24 * 60, 548 * 24 * 60)));
        Instant closes = published.plus(Duration.ofMinutes(random.nextInt(12 * 60, 10 * 24 * 60)));
        return build(published, closes, CLOSED.get(random.nextInt(CLOSED.size())));
    }

    private Opportunity build(Instant published, Instant closes, String estado) {
        sequence++;
        Buyer buyer = pick(BUYERS);
        String destination = pick(DESTINATIONS);
        List<Product> products = new ArrayList<>();
        int lines = 1 + (random.nextInt(10) < 6 ? 0 : random.nextInt(1, 4));
        while (products.size() < lines) {
            Product product = PRODUCTS.get(popularProduct());
            if (!products.contains(product)) {
                products.add(product);
            }
        }
        if (random.nextInt(400) == 0) {
            products.add(pick(UNUSUAL));
        }
        List<OpportunityItem> items = new ArrayList<>();
        long amount = 0;
        for (Product product : products) {
            int cantidad = product.maxCantidad() == 1 ? 1 : random.nextInt(1, product.maxCantidad() + 1);
            amount += (long) cantidad * product.precio();
            items.add(new OpportunityItem(items.size() + 1, product.codigo(), product.generico(),
                    capitalize(product.nombre()) + ", según especificaciones técnicas adjuntas.",
                    BigDecimal.valueOf(cantidad), product.unidad()));
        }
        boolean compraAgil = random.nextInt(10) < 8;
        if (compraAgil) {
            amount = Math.min(amount, CA_CEILING_CLP - random.nextInt(0, 500_000));
        }
        amount = Math.max(50_000, amount / 1000 * 1000);
        Product main = products.get(0);
        String nombre = pick(VERBS) + " " + main.nombre() + (products.size() > 1 ? " y otros insumos" : "")
                + " para " + destination;
        String descripcion = buyer.organismo().replace("I MUNICIPALIDAD", "La Ilustre Municipalidad")
                + " requiere: " + nombre + ". Entrega en " + buyer.comuna() + " dentro de " + random.nextInt(2, 16)
                + " días hábiles. El valor debe incluir IVA y despacho. Se solicita ficha técnica y cotización formal;"
                + " las ofertas que no adjunten lo solicitado serán declaradas inadmisibles.";
        int unidad = 900_000 + random.nextInt(0, 90_000);
        String codigo = compraAgil
                ? unidad + "-" + sequence + "-COT26"
                : unidad + "-" + sequence + "-" + tipoLicitacion(amount) + "26";
        return new Opportunity(codigo, compraAgil ? OpportunityType.COMPRA_AGIL : OpportunityType.LICITACION,
                compraAgil ? "COT" : tipoLicitacion(amount), nombre, descripcion, buyer.organismo(), buyer.rut(),
                "Departamento de Adquisiciones", Regions.name(buyer.region()), buyer.region(), buyer.comuna(),
                amount, "CLP", BigDecimal.valueOf(amount), published, closes, published, estado, 1,
                "publicada".equals(estado) ? random.nextInt(0, 4) : random.nextInt(0, 12), random.nextInt(2, 16), items,
                List.of(), (compraAgil ? CompraAgilParser.FICHA_URL : LicitacionV1Parser.FICHA_URL) + codigo, true,
                "generated", null);
    }

    private static String tipoLicitacion(long amount) {
        return amount < 6_900_000 ? "L1" : amount < 69_000_000 ? "LE" : "LP";
    }

    private int popularProduct() {
        int index = Arrays.binarySearch(POPULARITY, random.nextDouble());
        return Math.min(POPULARITY.length - 1, index >= 0 ? index + 1 : -index - 1);
    }

    /** Cumulative Zipf weights of n ranks, normalised to end in 1. */
    private static double[] popularity(int n, double exponent) {
        double[] cumulative = new double[n];
        double sum = 0;
        for (int rank = 1; rank <= n; rank++) {
            sum += 1 / Math.pow(rank, exponent);
            cumulative[rank - 1] = sum;
        }
        for (int i = 0; i < n; i++) {
            cumulative[i] /= sum;
        }
        return cumulative;
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String capitalize(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
