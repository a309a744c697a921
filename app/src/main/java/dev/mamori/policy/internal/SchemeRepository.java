package dev.mamori.policy.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.mamori.policy.Level;
import dev.mamori.policy.LevelChangeProposal;
import dev.mamori.policy.LevelEdit;

/**
 * SQL of scheme editing: changing, reordering and retiring levels, and the proposed changes that move
 * designated entries ({@code policy.level_change}).
 */
@Repository
class SchemeRepository {

    private final JdbcClient jdbc;

    SchemeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void update(String code, LevelEdit e) {
        jdbc.sql("""
                        update policy.level set name_ja = ?, name_en = ?, colour = ?, marking = ?, default_scope = ?,
                          concealed = ? where code = ?""")
                .params(e.nameJa(), e.nameEn(), e.colour(), e.marking(), e.defaultScope(), e.concealed(), code)
                .update();
    }

    /** Gives a level a new rank and the level that held it (if any) the old one, clearing both first. */
    void rerank(String code, int rank, String otherCode, int otherRank) {
        jdbc.sql("update policy.level set rank = -rank where code in (?, ?)").params(code, otherCode).update();
        jdbc.sql("update policy.level set rank = ? where code = ?").params(rank, code).update();
        if (otherCode != null) {
            jdbc.sql("update policy.level set rank = ? where code = ?").params(otherRank, otherCode).update();
        }
    }

    /** Deletes a level and its rules; returns how many rules went with it. */
    int delete(String code) {
        int rules = jdbc.sql("delete from policy.rule where level_code = ?").param(code).update();
        jdbc.sql("delete from policy.level where code = ?").param(code).update();
        return rules;
    }

    long insertChange(String from, String into, String reason, LocalDate reviewBy, long accountId, String name,
                      int affected) {
        return jdbc.sql("""
                        insert into policy.level_change (from_code, into_code, reason, review_by, proposed_by_account_id,
                          proposed_by_name, affected_count) values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(from, into, reason, Date.valueOf(reviewBy), accountId, name, affected)
                .query(Long.class).single();
    }

    /** Closes an open change; false when it was no longer open. */
    boolean close(long id, LevelChangeProposal.Status status) {
        return jdbc.sql("update policy.level_change set status = ?, closed_at = now() where id = ? and status = 'PROPOSED'")
                .params(status.name(), id).update() == 1;
    }

    List<LevelChangeProposal> changes() {
        return jdbc.sql("select * from policy.level_change order by proposed_at desc, id desc limit 500")
                .query(SchemeRepository::change).list();
    }

    List<LevelChangeProposal> openChanges() {
        return jdbc.sql("select * from policy.level_change where status = 'PROPOSED' order by id")
                .query(SchemeRepository::change).list();
    }

    Optional<LevelChangeProposal> change(long id) {
        return jdbc.sql("select * from policy.level_change where id = ?").param(id)
                .query(SchemeRepository::change).optional();
    }

    private static LevelChangeProposal change(ResultSet rs, int n) throws SQLException {
        Timestamp closed = rs.getTimestamp("closed_at");
        return new LevelChangeProposal(rs.getLong("id"), rs.getString("from_code"), rs.getString("into_code"),
                rs.getString("reason"), rs.getDate("review_by").toLocalDate(),
                LevelChangeProposal.Status.valueOf(rs.getString("status")), rs.getLong("proposed_by_account_id"),
                rs.getString("proposed_by_name"), rs.getTimestamp("proposed_at").toInstant(), rs.getInt("affected_count"),
                closed == null ? null : closed.toInstant());
    }

    static Optional<Level> find(List<Level> levels, String code) {
        return levels.stream().filter(l -> l.code().equals(code)).findFirst();
    }
}
