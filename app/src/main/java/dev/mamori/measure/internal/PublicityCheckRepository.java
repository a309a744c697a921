package dev.mamori.measure.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.mamori.measure.PublicityCheck;

/** Publicity checks of secrets (measure.publicity_check). */
@Repository
class PublicityCheckRepository {

    private static final String SELECT = """
            select id, asset_id, checked_on, checked_by, sources, result, note, recorded_at
            from measure.publicity_check""";

    private final JdbcClient jdbc;

    PublicityCheckRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long assetId, java.time.LocalDate on, Long personId, String by, String sources,
                PublicityCheck.Result result, String note) {
        return jdbc.sql("""
                        insert into measure.publicity_check (asset_id, checked_on, checked_by_person, checked_by, sources,
                                                             result, note)
                        values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(assetId, on, personId, by, sources, result.name(), note).query(Long.class).single();
    }

    /** The secret's checks, newest first. */
    List<PublicityCheck> of(long assetId) {
        return jdbc.sql(SELECT + " where asset_id = ? order by checked_on desc, id desc").param(assetId)
                .query(PublicityCheckRepository::check).list();
    }

    /** The newest check of each of the secrets that has one, by asset id (one query). */
    java.util.Map<Long, PublicityCheck> latestOf(java.util.Collection<Long> assetIds) {
        java.util.Map<Long, PublicityCheck> latest = new java.util.HashMap<>();
        if (assetIds.isEmpty()) {
            return latest;
        }
        jdbc.sql("select distinct on (asset_id) " + SELECT.substring("select ".length())
                        + " where asset_id = any(?) order by asset_id, checked_on desc, id desc")
                .param(assetIds.toArray(Long[]::new)).query(PublicityCheckRepository::check).list()
                .forEach(c -> latest.put(c.assetId(), c));
        return latest;
    }

    private static PublicityCheck check(ResultSet rs, int n) throws SQLException {
        return new PublicityCheck(rs.getLong("id"), rs.getLong("asset_id"),
                rs.getObject("checked_on", java.time.LocalDate.class), rs.getString("checked_by"),
                rs.getString("sources"), PublicityCheck.Result.valueOf(rs.getString("result")), rs.getString("note"),
                rs.getTimestamp("recorded_at").toInstant());
    }
}
