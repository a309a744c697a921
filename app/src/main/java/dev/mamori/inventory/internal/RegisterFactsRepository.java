package dev.mamori.inventory.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.mamori.inventory.ImportedFacts;

/**
 * SQL of what an entry keeps beside the register's own fields: the facts an imported register carried
 * ({@link ImportedFacts}) and the reason of the current designation.
 */
@Repository
public class RegisterFactsRepository {

    private final JdbcClient jdbc;

    RegisterFactsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The facts of an entry and the reason it was designated for (null while it is not designated). */
    public record Extras(ImportedFacts facts, String designationReason) {
    }

    /** Writes the facts; a null registration date leaves the stored one. */
    public void record(long assetId, ImportedFacts f) {
        jdbc.sql("""
                        update inventory.asset set registered_on = coalesce(?, registered_on), retention = ?, access_hint = ?,
                          hint_confidentiality = ?, hint_integrity = ?, hint_availability = ?, hint_importance = ?
                        where id = ?""")
                .params(f.registeredOn() == null ? null : Date.valueOf(f.registeredOn()), f.retention(), f.accessHint(),
                        f.confidentiality(), f.integrity(), f.availability(), f.importance(), assetId)
                .update();
    }

    public Map<Long, Extras> find(Collection<Long> assetIds) {
        Map<Long, Extras> found = new HashMap<>();
        if (assetIds.isEmpty()) {
            return found;
        }
        String ids = assetIds.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
        jdbc.sql("""
                        select id, registered_on, retention, access_hint, hint_confidentiality, hint_integrity,
                          hint_availability, hint_importance, designation_reason
                        from inventory.asset where id = any(cast(? as bigint[]))""")
                .param(ids).query((ResultSet rs) -> {
                    found.put(rs.getLong("id"), new Extras(new ImportedFacts(rs.getDate("registered_on").toLocalDate(),
                            rs.getString("retention"), rs.getString("access_hint"), small(rs, "hint_confidentiality"),
                            small(rs, "hint_integrity"), small(rs, "hint_availability"), small(rs, "hint_importance")),
                            rs.getString("designation_reason")));
                });
        return found;
    }

    private static Integer small(ResultSet rs, String column) throws SQLException {
        int v = rs.getInt(column);
        return rs.wasNull() ? null : v;
    }
}
