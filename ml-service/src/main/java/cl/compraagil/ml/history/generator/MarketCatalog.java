package cl.compraagil.ml.history.generator;

import java.util.List;

/**
 * The made-up but plausible market the generator draws from: UNSPSC products with Spanish names and base
 * unit prices, the sixteen Chilean regions with their price levels, and buyers (organismos) in each.
 */
final class MarketCatalog {

    record Product(int code, String generic, List<String> names, long basePrice, int minQty, int maxQty) {
    }

    record Region(String name, double priceLevel, double competition) {
    }

    static final List<Product> PRODUCTS = List.of(
            new Product(14111507, "Papel para impresora o fotocopiadora",
                    List.of("RESMA PAPEL CARTA 75 GR", "Resmas de papel tamaño oficio", "PAPEL FOTOCOPIA CARTA 500 HOJAS"), 4200, 5, 200),
            new Product(44121706, "Lápices de madera",
                    List.of("LAPIZ GRAFITO HB CAJA 12", "Lápices grafito negro", "LAPICES DE COLORES 12 UNIDADES"), 1800, 10, 300),
            new Product(44122011, "Carpetas",
                    List.of("CARPETA OFICIO CON ACOCLIP", "Carpetas de cartulina", "CARPETA COLGANTE PARA ARCHIVO"), 650, 20, 500),
            new Product(43202005, "Dispositivos de almacenamiento de memoria flash",
                    List.of("PENDRIVE 64GB", "Pendrive 128 GB USB 3.0", "MEMORIA USB 32GB"), 9500, 1, 40),
            new Product(43211503, "Computadores notebook",
                    List.of("NOTEBOOK 14 PULGADAS 8GB RAM", "Notebook Core i5 16GB 512GB SSD", "COMPUTADOR PORTATIL 15.6"), 549000, 1, 12),
            new Product(43211708, "Mouse o bola de seguimiento para computador",
                    List.of("MOUSE OPTICO USB", "Mouse inalámbrico", "MOUSE ERGONOMICO"), 7900, 1, 60),
            new Product(43212105, "Impresoras láser",
                    List.of("IMPRESORA LASER MONOCROMATICA", "Impresora multifuncional láser", "IMPRESORA LASER COLOR"), 189000, 1, 6),
            new Product(44103103, "Tóner para impresoras o fax",
                    List.of("TONER HP 85A ORIGINAL", "Tóner compatible Brother TN-1060", "CARTUCHO TONER NEGRO"), 38000, 1, 40),
            new Product(47131701, "Dispensadores o toallas de papel",
                    List.of("TOALLA DE PAPEL INTERFOLIADA", "Toalla de papel en rollo 250 mts", "TOALLAS NOVA MEGA ROLLO"), 12900, 5, 150),
            new Product(47131810, "Limpiadores para baños",
                    List.of("CLORO GEL 900 ML", "Limpiador desinfectante de baños", "CLORO LIQUIDO 5 LITROS"), 3900, 10, 300),
            new Product(47121701, "Bolsas de basura",
                    List.of("BOLSA DE BASURA 80X110", "Bolsas para residuos negras", "BOLSA BASURA INDUSTRIAL"), 190, 100, 5000),
            new Product(42131606, "Mascarillas o accesorios de protección",
                    List.of("MASCARILLA DESECHABLE 3 PLIEGUES", "Mascarillas KN95", "MASCARILLA QUIRURGICA CAJA 50"), 95, 100, 5000),
            new Product(42132203, "Guantes médicos de examen",
                    List.of("GUANTES DE NITRILO TALLA M", "Guantes de látex caja 100", "GUANTE EXAMEN VINILO"), 5200, 5, 200),
            new Product(51101500, "Antibióticos",
                    List.of("AMOXICILINA 500 MG CAPSULAS", "Cefadroxilo 500 mg", "AZITROMICINA 500 MG"), 85, 100, 10000),
            new Product(50202301, "Agua embotellada",
                    List.of("AGUA PURIFICADA BIDON 20 LITROS", "Agua mineral sin gas 500 ml", "BIDON DE AGUA 20 LTS"), 3200, 10, 400),
            new Product(50161509, "Azúcar o sustitutos del azúcar",
                    List.of("AZUCAR 1 KG", "Endulzante en sobres", "AZUCAR GRANULADA SACO 25 KG"), 1300, 10, 300),
            new Product(50201706, "Café",
                    List.of("CAFE SOLUBLE 170 GR", "Café de grano 1 kg", "CAFE INSTANTANEO TARRO"), 6400, 5, 120),
            new Product(72101511, "Servicios de mantenimiento o reparación de aires acondicionados",
                    List.of("MANTENCION AIRE ACONDICIONADO", "Servicio de mantención de equipos de clima", "REPARACION EQUIPO AIRE ACONDICIONADO"), 95000, 1, 20),
            new Product(78181500, "Servicios de mantenimiento y reparación de vehículos",
                    List.of("MANTENCION CAMIONETA 10000 KM", "Servicio de mantención vehicular", "CAMBIO DE ACEITE Y FILTROS"), 185000, 1, 8),
            new Product(25172504, "Neumáticos para automóviles o camionetas",
                    List.of("NEUMATICO 265/70 R16", "Neumáticos camioneta aro 17", "NEUMATICO 195/65 R15"), 115000, 2, 16),
            new Product(30111601, "Cemento",
                    List.of("CEMENTO SACO 25 KG", "Cemento especial 42,5 kg", "SACO CEMENTO POLPAICO"), 6200, 10, 400),
            new Product(31211508, "Pinturas a base de agua",
                    List.of("PINTURA LATEX BLANCO GALON", "Pintura esmalte al agua 1 galón", "LATEX VINILICO TINETA"), 18900, 2, 80),
            new Product(39101612, "Ampolletas o focos LED",
                    List.of("AMPOLLETA LED 12W", "Tubo LED 18W 120 cm", "FOCO LED 9W LUZ FRIA"), 2300, 10, 500),
            new Product(90101603, "Servicios de alimentación para eventos",
                    List.of("SERVICIO DE COFFEE BREAK 50 PERSONAS", "Colación para actividad comunitaria", "SERVICIO DE ALMUERZO"), 6500, 20, 400),
            new Product(55121606, "Pendones o lienzos",
                    List.of("PENDON ROLLER 80X200", "Lienzo publicitario impreso", "PENDON IMPRESO CON ESTRUCTURA"), 29000, 1, 30),
            new Product(53102710, "Uniformes corporativos",
                    List.of("POLERA PIQUE BORDADA", "Chaqueta softshell institucional", "POLERON CON LOGO BORDADO"), 14500, 5, 200));

    static final List<Region> REGIONS = List.of(
            new Region("Región de Arica y Parinacota", 1.09, 0.7),
            new Region("Región de Tarapacá", 1.07, 0.8),
            new Region("Región de Antofagasta", 1.08, 0.9),
            new Region("Región de Atacama", 1.06, 0.7),
            new Region("Región de Coquimbo", 1.02, 1.0),
            new Region("Región de Valparaíso", 1.00, 1.3),
            new Region("Región Metropolitana de Santiago", 0.96, 2.0),
            new Region("Región del Libertador General Bernardo O´Higgins", 1.00, 1.0),
            new Region("Región del Maule", 1.00, 1.0),
            new Region("Región de Ñuble", 1.01, 0.8),
            new Region("Región del Biobío", 0.99, 1.3),
            new Region("Región de La Araucanía", 1.02, 1.0),
            new Region("Región de Los Ríos", 1.03, 0.8),
            new Region("Región de Los Lagos", 1.04, 0.9),
            new Region("Región Aisén del General Carlos Ibáñez del Campo", 1.15, 0.5),
            new Region("Región de Magallanes y de la Antártica Chilena", 1.14, 0.5));

    static final List<String> BUYER_KINDS = List.of("I MUNICIPALIDAD DE %s", "HOSPITAL DE %s",
            "DIRECCION DE LOGISTICA DE CARABINEROS %s", "SERVICIO LOCAL DE EDUCACION %s", "GOBIERNO REGIONAL %s");

    static final List<String> CITIES = List.of("ARICA", "IQUIQUE", "ANTOFAGASTA", "COPIAPO", "LA SERENA",
            "VALPARAISO", "SANTIAGO", "RANCAGUA", "TALCA", "CHILLAN", "CONCEPCION", "TEMUCO", "VALDIVIA",
            "PUERTO MONTT", "COYHAIQUE", "PUNTA ARENAS");

    /** Relative demand and price level by month (school start in March, year-end budget execution). */
    static final double[] SEASON_PRICE = {1.00, 1.01, 1.05, 1.02, 1.00, 0.99, 0.98, 0.99, 1.00, 1.01, 1.02, 1.04};

    private MarketCatalog() {
    }
}
