package dev.mamori.measure.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.mamori.measure.CatalogVersion;
import dev.mamori.measure.MeasureView;
import dev.mamori.measure.Purpose;
import dev.mamori.measure.Route;

/** Catalog versions and measures (the catalog's and the company's own). */
@Repository
class CatalogRepository {

    /** A re-listed item shows the text of the item it repeats. */
    private static final String SELECT = """
            select m.id, m.catalog_version, m.position, m.code, m.route, m.purpose, m.group_heading, m.sub_heading,
                   m.letter, m.title, m.page, m.repeats_code,
                   coalesce(m.description, r.description, rr.description) as description,
                   coalesce(m.examples, r.examples, rr.examples) as examples,
                   m.group_heading_en, m.sub_heading_en, m.title_en,
                   coalesce(m.description_en, r.description_en, rr.description_en) as description_en,
                   coalesce(m.examples_en, r.examples_en, rr.examples_en) as examples_en
            from measure.measure m
            left join measure.measure r on r.catalog_version = m.catalog_version and r.code = m.repeats_code
            left join measure.measure rr on rr.catalog_version = r.catalog_version and rr.code = r.repeats_code
            """;

    private final JdbcClient jdbc;

    CatalogRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<CatalogVersion> versions() {
        return jdbc.sql("select * from measure.catalog_version order by published desc, code desc")
                .query((rs, n) -> new CatalogVersion(rs.getString("code"), rs.getString("title"),
                        rs.getString("attribution"), rs.getDate("published").toLocalDate(), rs.getString("title_en")))
                .list();
    }

    List<MeasureView> ofVersion(String version) {
        return jdbc.sql(SELECT + " where m.catalog_version = ? order by m.position").param(version)
                .query(CatalogRepository::row).list();
    }

    /** The version's items and the company's own, by route, purpose and position (own measures last in a cell). */
    List<MeasureView> catalog(String version, Route route, Purpose purpose) {
        return jdbc.sql(SELECT + """
                 where (m.catalog_version = :version or m.catalog_version is null)
                   and (cast(:route as text) is null or m.route = :route)
                   and (cast(:purpose as integer) is null or m.purpose = :purpose)
                 order by (m.catalog_version is null), m.position, m.id""")
                .param("version", version).param("route", route == null ? null : route.name())
                .param("purpose", purpose == null ? null : purpose.number())
                .query(CatalogRepository::row).list();
    }

    Optional<MeasureView> find(long id) {
        return jdbc.sql(SELECT + " where m.id = ?").param(id).query(CatalogRepository::row).optional();
    }

    long insertCustom(Route route, Purpose purpose, String title, String description, String titleEn) {
        long id = jdbc.sql("select nextval('measure.measure_id_seq')").query(Long.class).single();
        jdbc.sql("""
                insert into measure.measure (id, catalog_version, position, code, route, purpose, title, description, title_en)
                values (?, null, 100000 + ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, id, "OWN-" + id, route.name(), purpose.number(), title, description, titleEn).update();
        return id;
    }

    /** How many catalog items (not re-listed) the version has per route and purpose; used for coverage. */
    List<int[]> applicableCells(String version) {
        return jdbc.sql("""
                select route, purpose, count(*) from measure.measure
                where catalog_version = ? or catalog_version is null group by route, purpose""")
                .param(version)
                .query((rs, n) -> new int[] {Route.valueOf(rs.getString(1)).ordinal(), rs.getInt(2), rs.getInt(3)})
                .list();
    }

    static MeasureView row(ResultSet rs, int n) throws SQLException {
        int page = rs.getInt("page");
        Integer pageOrNull = rs.wasNull() ? null : page;
        return new MeasureView(rs.getLong("id"), rs.getString("catalog_version"), rs.getInt("position"),
                rs.getString("code"), Route.valueOf(rs.getString("route")), Purpose.of(rs.getInt("purpose")),
                rs.getString("group_heading"), rs.getString("sub_heading"), rs.getString("letter"),
                rs.getString("title"), pageOrNull, rs.getString("repeats_code"), rs.getString("description"),
                rs.getString("examples"), rs.getString("group_heading_en"), rs.getString("sub_heading_en"),
                rs.getString("title_en"), rs.getString("description_en"), rs.getString("examples_en"));
    }
}
