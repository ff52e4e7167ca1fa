package cl.compraagil.ml.profile;

import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** One company profile per user; every change bumps its version, which invalidates cached analyses. */
@Repository
public class CompanyProfiles {

    private final JdbcClient jdbc;

    CompanyProfiles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<CompanyProfile> find(long userId) {
        return jdbc.sql("""
                SELECT company_name, rubro, products, keywords, region, delivery_days, experience_years,
                       certifications, version FROM company_profiles WHERE user_id = :user
                """).param("user", userId)
                .query((rs, n) -> new CompanyProfile(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getString(5), (Integer) rs.getObject(6), (Integer) rs.getObject(7),
                        rs.getString(8), rs.getInt(9)))
                .optional();
    }

    CompanyProfile save(long userId, CompanyProfile p) {
        jdbc.sql("""
                INSERT INTO company_profiles (user_id, company_name, rubro, products, keywords, region, delivery_days,
                                              experience_years, certifications)
                VALUES (:user, :name, :rubro, :products, :keywords, :region, :days, :years, :certs)
                ON CONFLICT (user_id) DO UPDATE SET company_name = excluded.company_name, rubro = excluded.rubro,
                    products = excluded.products, keywords = excluded.keywords, region = excluded.region,
                    delivery_days = excluded.delivery_days, experience_years = excluded.experience_years,
                    certifications = excluded.certifications, version = company_profiles.version + 1,
                    updated_at = now()
                """)
                .param("user", userId).param("name", p.companyName()).param("rubro", p.rubro())
                .param("products", p.products()).param("keywords", p.keywords()).param("region", p.region())
                .param("days", p.deliveryDays()).param("years", p.experienceYears())
                .param("certs", p.certifications()).update();
        return find(userId).orElseThrow();
    }
}
