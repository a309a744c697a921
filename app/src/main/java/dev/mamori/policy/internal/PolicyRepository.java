package dev.mamori.policy.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.mamori.policy.Approver;
import dev.mamori.policy.Aspect;
import dev.mamori.policy.HandlingRule;
import dev.mamori.policy.Level;
import dev.mamori.policy.Medium;
import dev.mamori.policy.Obligation;
import dev.mamori.policy.Permitted;

@Repository
class PolicyRepository {

    private final JdbcClient jdbc;

    PolicyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Level> levels() {
        return jdbc.sql("select * from policy.level order by rank")
                .query((rs, n) -> new Level(rs.getString("code"), rs.getString("name_ja"), rs.getString("name_en"),
                        rs.getInt("rank"), rs.getString("colour"), rs.getString("marking"), rs.getString("default_scope"),
                        rs.getBoolean("concealed")))
                .list();
    }

    boolean levelExists(String code) {
        return jdbc.sql("select count(*) from policy.level where code = ?").param(code).query(Long.class).single() > 0;
    }

    boolean rankTaken(int rank) {
        return jdbc.sql("select count(*) from policy.level where rank = ?").param(rank).query(Long.class).single() > 0;
    }

    void insert(Level l) {
        jdbc.sql("""
                insert into policy.level (code, name_ja, name_en, rank, colour, marking, default_scope, concealed)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(l.code(), l.nameJa(), l.nameEn(), l.rank(), l.colour(), l.marking(), l.defaultScope(),
                        l.concealed()).update();
    }

    int rename(String code, String nameJa, String nameEn) {
        return jdbc.sql("update policy.level set name_ja = ?, name_en = ? where code = ?")
                .params(nameJa, nameEn, code).update();
    }

    long ruleCount() {
        return jdbc.sql("select count(*) from policy.rule").query(Long.class).single();
    }

    List<HandlingRule> rules() {
        return jdbc.sql("select * from policy.rule").query(PolicyRepository::rule).list();
    }

    void insertIfAbsent(HandlingRule r) {
        jdbc.sql("""
                insert into policy.rule (level_code, aspect, medium, permitted, approval, prohibited, obligations,
                                         outside_obligations, source)
                values (?, ?, ?, ?, ?, ?, string_to_array(?, ','), string_to_array(?, ','), ?)
                on conflict do nothing""")
                .params(r.levelCode(), r.aspect().name(), r.medium().name(), r.permitted().name(), r.approval().name(),
                        r.prohibited(), join(r.obligations()), join(r.outsideOfficeObligations()), r.source())
                .update();
    }

    // ---------------------------------------------------------------- the standard editor

    java.util.Optional<HandlingRule> rule(String levelCode, Aspect aspect, Medium medium) {
        return jdbc.sql("select * from policy.rule where level_code = ? and aspect = ? and medium = ? for update")
                .params(levelCode, aspect.name(), medium.name()).query(PolicyRepository::rule).optional();
    }

    /** Writes the cell's rule, adding it when the cell has none (with its source and edit stamp). */
    void save(HandlingRule r) {
        jdbc.sql("""
                insert into policy.rule (level_code, aspect, medium, permitted, approval, prohibited, obligations,
                                         outside_obligations, source, edited_at, edited_by)
                values (?, ?, ?, ?, ?, ?, string_to_array(?, ','), string_to_array(?, ','), ?, ?, ?)
                on conflict (level_code, aspect, medium) do update set permitted = excluded.permitted,
                    approval = excluded.approval, prohibited = excluded.prohibited, obligations = excluded.obligations,
                    outside_obligations = excluded.outside_obligations, source = excluded.source,
                    edited_at = excluded.edited_at, edited_by = excluded.edited_by""")
                .params(r.levelCode(), r.aspect().name(), r.medium().name(), r.permitted().name(), r.approval().name(),
                        r.prohibited(), join(r.obligations()), join(r.outsideOfficeObligations()), r.source(),
                        r.editedAt() == null ? null : r.editedAt().atOffset(java.time.ZoneOffset.UTC), r.editedBy())
                .update();
    }

    void delete(String levelCode, Aspect aspect, Medium medium) {
        jdbc.sql("delete from policy.rule where level_code = ? and aspect = ? and medium = ?")
                .params(levelCode, aspect.name(), medium.name()).update();
    }

    private static String join(Set<Obligation> o) {
        return o.stream().map(Enum::name).sorted().reduce((a, b) -> a + "," + b).orElse("");
    }

    private static HandlingRule rule(ResultSet rs, int n) throws SQLException {
        return new HandlingRule(rs.getString("level_code"), Aspect.valueOf(rs.getString("aspect")),
                Medium.valueOf(rs.getString("medium")), Permitted.valueOf(rs.getString("permitted")),
                Approver.valueOf(rs.getString("approval")), rs.getBoolean("prohibited"),
                obligations(rs.getArray("obligations")), obligations(rs.getArray("outside_obligations")),
                rs.getString("source"), instant(rs, "edited_at"), rs.getString("edited_by"));
    }

    static java.time.Instant instant(ResultSet rs, String column) throws SQLException {
        java.time.OffsetDateTime t = rs.getObject(column, java.time.OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static Set<Obligation> obligations(Array array) throws SQLException {
        Set<Obligation> set = EnumSet.noneOf(Obligation.class);
        if (array != null) {
            Arrays.stream((String[]) array.getArray()).filter(s -> !s.isBlank()).map(Obligation::valueOf).forEach(set::add);
        }
        return set;
    }

    // ---------------------------------------------------------------- for other modules' readiness checks

    java.util.Optional<dev.mamori.policy.RegulationAcknowledgements> regulationAcknowledgements(
            java.util.Collection<Long> personIds) {
        return jdbc.sql("""
                        select id, number, published_at from policy.document_version
                        where kind = 'REGULATION' order by number desc limit 1""")
                .query((rs, n) -> new Object[] {rs.getLong(1), rs.getInt(2), rs.getTimestamp(3).toInstant()})
                .optional().map(v -> {
                    java.util.Set<Long> asked = new java.util.HashSet<>();
                    java.util.Map<Long, java.time.Instant> done = new java.util.HashMap<>();
                    jdbc.sql("""
                                    select person_id, acknowledged_at from policy.acknowledgement
                                    where version_id = ? and person_id = any(?)""")
                            .params(v[0], personIds.toArray(Long[]::new))
                            .query((java.sql.ResultSet rs) -> {
                                asked.add(rs.getLong(1));
                                java.sql.Timestamp at = rs.getTimestamp(2);
                                if (at != null) {
                                    done.put(rs.getLong(1), at.toInstant());
                                }
                            });
                    return new dev.mamori.policy.RegulationAcknowledgements((Integer) v[1], (java.time.Instant) v[2],
                            asked, done);
                });
    }
}
