package dev.mamori.inventory.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.mamori.inventory.AccessHolder;
import dev.mamori.inventory.AssetDesignation;

/** Designations and project-group memberships in bulk, for the access module's index (no visibility). */
@Repository
public class DesignationLookup {

    private final JdbcClient jdbc;

    DesignationLookup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Entries with ids in {@code (after, …]} in id order, at most {@code limit}. */
    public List<AssetDesignation> page(long after, int limit) {
        return load("a.id > ? order by a.id limit ?", new Object[]{after, limit});
    }

    public List<AssetDesignation> byIds(List<Long> ids) {
        return load("a.id = any(cast(? as bigint[]))", new Object[]{ids.toArray(Long[]::new)});
    }

    private List<AssetDesignation> load(String where, Object[] params) {
        record Row(long id, String level, long department, long responsible, boolean disposed) {
        }
        List<Row> rows = jdbc.sql("select a.id, a.level_id, a.department_id, a.responsible_person_id, a.stage from inventory.asset a where "
                        + where).params(params)
                .query((rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getLong(4),
                        "DISPOSED".equals(rs.getString(5)))).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<AccessHolder>> holders = new HashMap<>();
        Long[] ids = rows.stream().map(Row::id).toArray(Long[]::new);
        jdbc.sql("select asset_id, kind, ref from inventory.access_holder where asset_id = any(cast(? as bigint[]))")
                .param(ids).query((rs, i) -> {
                    holders.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new AccessHolder(AccessHolder.Kind.valueOf(rs.getString(2)), rs.getString(3)));
                    return null;
                }).list();
        return rows.stream().map(r -> new AssetDesignation(r.id(), r.level(), r.department(), r.responsible(),
                r.disposed(), holders.getOrDefault(r.id(), List.of()))).toList();
    }

    /** Project groups by member: person id to the ids of the groups they belong to. */
    public Map<Long, List<Long>> groupsByPerson() {
        Map<Long, List<Long>> out = new HashMap<>();
        jdbc.sql("select person_id, group_id from inventory.project_group_member").query((rs, i) -> {
            out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getLong(2));
            return null;
        }).list();
        return out;
    }

    public void forEach(int batchSize, Consumer<List<AssetDesignation>> sink) {
        long after = Long.MIN_VALUE;
        while (true) {
            List<AssetDesignation> page = page(after, batchSize);
            if (page.isEmpty()) {
                return;
            }
            sink.accept(page);
            after = page.get(page.size() - 1).assetId();
        }
    }
}
