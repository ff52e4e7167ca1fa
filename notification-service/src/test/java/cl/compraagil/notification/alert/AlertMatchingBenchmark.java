package cl.compraagil.notification.alert;

import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Benchmark (not a test): one licitacion.new matched against N alert rules through the in-memory index.
 * Rules and opportunities are generated from Spanish procurement vocabulary. Run by bench/notifications.sh.
 */
public final class AlertMatchingBenchmark {

    private static final String[] TERMS = {
        "notebook", "computador", "impresora", "toner", "papel", "resma", "silla", "escritorio", "mueble", "estante",
        "artículos de aseo", "detergente", "cloro", "guantes", "mascarilla", "alcohol gel", "uniforme", "calzado de seguridad",
        "casco", "chaleco reflectante", "camioneta", "arriendo de vehículo", "combustible", "neumático", "repuesto",
        "servicio de vigilancia", "servicio de aseo", "mantención de ascensores", "climatización", "aire acondicionado",
        "pintura", "cemento", "fierro", "madera", "herramientas", "taladro", "generador", "luminaria", "ampolleta",
        "cable eléctrico", "proyector", "pantalla", "telón", "cámara", "parlante", "micrófono", "router", "switch",
        "licencia de software", "antivirus", "disco duro", "memoria ram", "monitor", "teclado", "mouse", "tablet",
        "celular", "alimentos", "colación", "coffee break", "agua purificada", "frutas", "verduras", "carne",
        "medicamentos", "insumos médicos", "jeringa", "guantes de nitrilo", "oxígeno", "camilla", "silla de ruedas",
        "material didáctico", "libros", "cuadernos", "lápices", "plumones", "pizarra", "juguetes", "pelotas",
        "implementos deportivos", "trofeos", "medallas", "banderas", "impresión de folletos", "pendón", "señalética",
        "capacitación", "curso", "taller", "asesoría", "consultoría", "estudio", "diseño", "evento", "amplificación",
        "transporte de pasajeros", "bus", "flete", "mudanza", "fumigación", "desratización", "jardinería", "poda",
        "riego", "semillas", "fertilizante", "ferretería", "gasfitería", "electricidad", "cerrajería", "vidrios",
        "cortinas", "alfombra", "colchón", "frazadas", "ropa de cama", "toallas", "vajilla", "cocina", "refrigerador",
        "lavadora", "microondas", "hervidor", "cafetera", "estufa", "parafina", "leña", "gas licuado", "extintor",
        "botiquín", "sillas plásticas", "toldo", "carpa", "mesa plegable", "container", "baño químico", "andamio"};
    private static final String[] REGIONS = {"Región Metropolitana de Santiago", "Región de Valparaíso", "Región del Biobío",
        "Región de la Araucanía", "Región de Los Lagos", "Región de Antofagasta", "Región del Maule", "Región de Coquimbo",
        "Región de O'Higgins", "Región de Ñuble", "Región de Atacama", "Región de Tarapacá", "Región de Arica y Parinacota",
        "Región de Los Ríos", "Región de Aysén", "Región de Magallanes"};
    private static final String[] QUALIFIERS = {"ergonómica", "industrial", "escolar", "clínico", "reforzado", "premium",
        "básico", "portátil", "eléctrico", "manual", "inoxidable", "reciclado", "desechable", "certificado", "nacional",
        "importado", "grande", "pequeño", "doble", "estándar"};
    private static final String[] FILLER = ("se requiere la adquisición de los siguientes productos según especificaciones "
            + "técnicas adjuntas para el funcionamiento de la unidad con entrega en dependencias del servicio plazo de "
            + "entrega no superior a días hábiles incluye despacho instalación garantía mínima de meses").split(" ");

    private AlertMatchingBenchmark() {
    }

    public static void main(String[] args) {
        int ruleCount = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        int events = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        Random random = new Random(42);
        List<AlertRule> rules = new ArrayList<>(ruleCount);
        for (int i = 0; i < ruleCount; i++) {
            rules.add(rule(i, random));
        }
        long buildStart = System.nanoTime();
        AlertRuleIndex index = AlertRuleIndex.build(rules, 1);
        double buildMillis = (System.nanoTime() - buildStart) / 1e6;
        List<Licitacion> licitaciones = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            licitaciones.add(licitacion(i, random));
        }
        for (int i = 0; i < events; i++) {
            index.match(licitaciones.get(i % licitaciones.size()));
        }
        long[] nanos = new long[events];
        long matches = 0;
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuStart = cpu.getCurrentThreadCpuTime();
        for (int i = 0; i < events; i++) {
            long start = System.nanoTime();
            matches += index.match(licitaciones.get(i % licitaciones.size())).size();
            nanos[i] = System.nanoTime() - start;
        }
        double cpuMillis = (cpu.getCurrentThreadCpuTime() - cpuStart) / 1e6 / events;
        Arrays.sort(nanos);
        double mean = Arrays.stream(nanos).average().orElse(0) / 1e6;
        System.out.println("| rules | events | index build ms | CPU ms/event | mean ms | p50 ms | p95 ms | p99 ms | max ms | matches/event |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        System.out.printf("| %d | %d | %.1f | %.3f | %.3f | %.3f | %.3f | %.3f | %.3f | %.1f |%n", ruleCount, events, buildMillis, cpuMillis, mean,
                nanos[events / 2] / 1e6, nanos[(int) (events * 0.95)] / 1e6, nanos[(int) (events * 0.99)] / 1e6,
                nanos[events - 1] / 1e6, (double) matches / events);
    }

    private static AlertRule rule(int id, Random random) {
        boolean unspscOnly = random.nextInt(10) == 0;
        List<String> keywords = new ArrayList<>();
        if (!unspscOnly) {
            for (int k = 0, n = 1 + random.nextInt(3); k < n; k++) {
                keywords.add(product(random));
            }
        }
        List<String> excluded = random.nextInt(5) == 0 ? List.of(product(random)) : List.of();
        List<String> regions = random.nextInt(10) < 3 ? List.of(REGIONS[random.nextInt(REGIONS.length)].replace("Región ", "")) : List.of();
        List<String> unspsc = unspscOnly ? List.of(String.valueOf(40 + random.nextInt(50)) + random.nextInt(10)) : List.of();
        Long min = random.nextInt(5) == 0 ? (long) random.nextInt(500_000) : null;
        Long max = min != null ? min + 1_000_000L + random.nextInt(5_000_000) : null;
        return new AlertRule(id, id, null, "regla " + id, keywords, excluded, regions, List.of(), unspsc, min, max,
                random.nextInt(4) == 0 ? "compra_agil" : null, List.of("inbox"), LocalTime.of(21, 0), LocalTime.of(8, 0),
                "America/Santiago", 20, "instant", true, Instant.now(), Instant.now());
    }

    /** A product phrase as users and buyers write them: a term and a qualifier ("silla ergonómica"). */
    private static String product(Random random) {
        return TERMS[random.nextInt(TERMS.length)] + " " + QUALIFIERS[random.nextInt(QUALIFIERS.length)];
    }

    private static Licitacion licitacion(int i, Random random) {
        StringBuilder description = new StringBuilder();
        for (int w = 0; w < 40; w++) {
            description.append(random.nextInt(10) == 0 ? product(random) : FILLER[random.nextInt(FILLER.length)]).append(' ');
        }
        List<String> productos = new ArrayList<>();
        for (int p = 0, n = 1 + random.nextInt(5); p < n; p++) {
            productos.add(product(random) + " " + (1 + random.nextInt(50)) + " unidades");
        }
        String nombre = "Adquisición de " + product(random) + " y " + product(random);
        return new Licitacion(i + "-540-COT26", random.nextBoolean() ? "compra_agil" : "licitacion", nombre, description.toString(),
                "I MUNICIPALIDAD DE MAIPU", "69.070.900-7", REGIONS[random.nextInt(REGIONS.length)],
                (long) random.nextInt(8_000_000), "CLP", "2026-11-28T15:00:00Z", "publicada",
                List.of(String.valueOf(40000000 + random.nextInt(50000000))), productos, null);
    }
}
