package cl.compraagil.licitacion.profile;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Company profiles, one per owner. */
@Repository
class ProfileStore {

    private final JdbcClient jdbc;

    ProfileStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<CompanyProfile> find(ProfileOwner owner) {
        return jdbc.sql("SELECT * FROM company_profiles WHERE owner_type = :type AND owner_id = :id")
                .param("type", owner.type())
                .param("id", owner.id())
                .query((rs, n) -> map(rs))
                .optional();
    }

    /** @return true when the profile was created, false when an existing one was replaced */
    boolean save(CompanyProfile p) {
        return Boolean.TRUE.equals(jdbc.sql("""
                INSERT INTO company_profiles (owner_type, owner_id, nombre_empresa, tipo_negocio, productos_servicios,
                    palabras_clave, region_codigo, capacidad_entrega_dias, experiencia_anos, certificaciones,
                    monto_minimo, monto_maximo, peso_palabras_clave, peso_competencia, peso_monto)
                VALUES (:type, :id, :nombre, :tipo, :productos, :palabras, :region, :capacidad, :experiencia,
                    :certificaciones, :min, :max, :pesoPalabras, :pesoCompetencia, :pesoMonto)
                ON CONFLICT (owner_type, owner_id) DO UPDATE SET nombre_empresa = EXCLUDED.nombre_empresa,
                    tipo_negocio = EXCLUDED.tipo_negocio, productos_servicios = EXCLUDED.productos_servicios,
                    palabras_clave = EXCLUDED.palabras_clave, region_codigo = EXCLUDED.region_codigo,
                    capacidad_entrega_dias = EXCLUDED.capacidad_entrega_dias,
                    experiencia_anos = EXCLUDED.experiencia_anos, certificaciones = EXCLUDED.certificaciones,
                    monto_minimo = EXCLUDED.monto_minimo, monto_maximo = EXCLUDED.monto_maximo,
                    peso_palabras_clave = EXCLUDED.peso_palabras_clave, peso_competencia = EXCLUDED.peso_competencia,
                    peso_monto = EXCLUDED.peso_monto, updated_at = now()
                RETURNING (xmax = 0) AS created
                """)
                .param("type", p.ownerType())
                .param("id", p.ownerId())
                .param("nombre", p.nombreEmpresa())
                .param("tipo", p.tipoNegocio())
                .param("productos", p.productosServicios())
                .param("palabras", p.palabrasClave().toArray(String[]::new))
                .param("region", p.regionCodigo(), java.sql.Types.SMALLINT)
                .param("capacidad", p.capacidadEntregaDias(), java.sql.Types.INTEGER)
                .param("experiencia", p.experienciaAnos(), java.sql.Types.INTEGER)
                .param("certificaciones", p.certificaciones().toArray(String[]::new))
                .param("min", p.montoMinimo(), java.sql.Types.BIGINT)
                .param("max", p.montoMaximo(), java.sql.Types.BIGINT)
                .param("pesoPalabras", p.pesos().palabrasClave())
                .param("pesoCompetencia", p.pesos().competencia())
                .param("pesoMonto", p.pesos().monto())
                .query(Boolean.class)
                .single());
    }

    boolean delete(ProfileOwner owner) {
        return jdbc.sql("DELETE FROM company_profiles WHERE owner_type = :type AND owner_id = :id")
                .param("type", owner.type())
                .param("id", owner.id())
                .update() > 0;
    }

    private static CompanyProfile map(ResultSet rs) throws SQLException {
        return new CompanyProfile(rs.getString("owner_type"), rs.getLong("owner_id"), rs.getString("nombre_empresa"),
                rs.getString("tipo_negocio"), rs.getString("productos_servicios"), strings(rs.getArray("palabras_clave")),
                rs.getObject("region_codigo", Integer.class), rs.getObject("capacidad_entrega_dias", Integer.class),
                rs.getObject("experiencia_anos", Integer.class), strings(rs.getArray("certificaciones")),
                rs.getObject("monto_minimo", Long.class), rs.getObject("monto_maximo", Long.class),
                new CompanyProfile.Pesos(rs.getInt("peso_palabras_clave"), rs.getInt("peso_competencia"),
                        rs.getInt("peso_monto")),
                rs.getTimestamp("updated_at").toInstant());
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
