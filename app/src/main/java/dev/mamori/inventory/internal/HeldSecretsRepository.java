package dev.mamori.inventory.internal;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.mamori.inventory.AccessHolder;
import dev.mamori.inventory.HeldSecret;

/** SQL of {@link dev.mamori.inventory.SecretHoldings}: every branch an index lookup on the holder table. */
@Repository
public class HeldSecretsRepository {

    private final JdbcClient jdbc;

    HeldSecretsRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<HeldSecret> heldBy(long personId, Set<Long> departments, Set<String> roles) {
        String departmentArray = departments.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
        String roleArray = roles.stream().map(r -> "\"" + r.replace("\"", "") + "\"").collect(Collectors.joining(",", "{", "}"));
        Map<Long, Builder> rows = new LinkedHashMap<>();
        jdbc.sql("""
                        select a.id, a.name, a.level_id, a.marking, a.department_id, h.kind, h.ref
                        from inventory.access_holder h join inventory.asset a on a.id = h.asset_id
                        where a.level_id is not null and a.stage <> 'DISPOSED' and (
                              (h.kind = 'PERSON' and h.ref = :me)
                           or (h.kind = 'DEPARTMENT' and h.ref = any(cast(:departments as text[])))
                           or (h.kind = 'ROLE' and h.ref = any(cast(:roles as text[])))
                           or (h.kind = 'GROUP' and h.ref in (select m.group_id::text from inventory.project_group_member m
                                                              where m.person_id = :person)))
                        order by a.name, a.id, h.kind, h.ref""")
                .param("me", String.valueOf(personId)).param("departments", departmentArray).param("roles", roleArray)
                .param("person", personId)
                .query((ResultSet rs) -> {
                    Builder b = rows.computeIfAbsent(rs.getLong("id"), k -> {
                        try {
                            return new Builder(rs.getLong("id"), rs.getString("name"), rs.getString("level_id"),
                                    rs.getString("marking"), rs.getLong("department_id"));
                        } catch (java.sql.SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    b.through.add(new AccessHolder(AccessHolder.Kind.valueOf(rs.getString("kind")), rs.getString("ref")));
                });
        return rows.values().stream().map(Builder::build).toList();
    }

    public List<HeldSecret> designated(Collection<Long> ids) {
        String array = ids.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
        return jdbc.sql("""
                        select id, name, level_id, marking, department_id from inventory.asset
                        where id = any(cast(? as bigint[])) and level_id is not null order by name, id""")
                .param(array)
                .query((rs, i) -> new HeldSecret(rs.getLong("id"), rs.getString("name"), rs.getString("level_id"),
                        rs.getString("marking"), rs.getLong("department_id"), null, List.of()))
                .list();
    }

    private static final class Builder {
        final long id;
        final String name;
        final String levelId;
        final String marking;
        final long departmentId;
        final List<AccessHolder> through = new ArrayList<>();

        Builder(long id, String name, String levelId, String marking, long departmentId) {
            this.id = id;
            this.name = name;
            this.levelId = levelId;
            this.marking = marking;
            this.departmentId = departmentId;
        }

        HeldSecret build() {
            return new HeldSecret(id, name, levelId, marking, departmentId, null, through);
        }
    }
}
