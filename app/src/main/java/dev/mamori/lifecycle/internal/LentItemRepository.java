package dev.mamori.lifecycle.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.mamori.lifecycle.LentItem;
import dev.mamori.lifecycle.LentKind;

/** SQL of the register of lent equipment and media. Person names are filled in by the caller. */
@Repository
public class LentItemRepository {

    private final JdbcClient jdbc;

    LentItemRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long personId, LentKind kind, String label, String serial, LocalDate lentOn) {
        return jdbc.sql("""
                        insert into lifecycle.lent_item (person_id, kind, label, serial, lent_on)
                        values (?, ?, ?, ?, ?) returning id""")
                .params(personId, kind.name(), label, serial, lentOn).query(Long.class).single();
    }

    public int markReturned(long id, LocalDate on, String note) {
        return jdbc.sql("update lifecycle.lent_item set returned_on = ?, return_note = ? where id = ? and returned_on is null")
                .params(on, note, id).update();
    }

    public Optional<LentItem> find(long id) {
        return jdbc.sql("select * from lifecycle.lent_item where id = ?").param(id).query(this::map).optional();
    }

    public List<LentItem> ofPerson(long personId) {
        return jdbc.sql("select * from lifecycle.lent_item where person_id = ? order by returned_on nulls first, lent_on, id")
                .param(personId).query(this::map).list();
    }

    /** Items of the given people (null: everyone), outstanding ones only when asked, newest first, at most {@code limit}. */
    public List<LentItem> search(List<Long> personIds, boolean outstandingOnly, int limit) {
        return jdbc.sql("""
                        select * from lifecycle.lent_item
                        where (cast(:people as bigint[]) is null or person_id = any(cast(:people as bigint[])))
                          and (not :outstanding or returned_on is null)
                        order by lent_on desc, id desc limit :limit""")
                .param("people", personIds == null ? null : LeaverRepository.array(personIds))
                .param("outstanding", outstandingOnly).param("limit", limit)
                .query(this::map).list();
    }

    /** How many items each of the given people still has. */
    public Map<Long, Integer> outstandingCounts(List<Long> personIds) {
        Map<Long, Integer> out = new HashMap<>();
        if (personIds.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                        select person_id, count(*) as n from lifecycle.lent_item
                        where returned_on is null and person_id = any(cast(? as bigint[])) group by person_id""")
                .param(LeaverRepository.array(personIds))
                .query((ResultSet rs) -> {
                    out.put(rs.getLong("person_id"), rs.getInt("n"));
                });
        return out;
    }

    private LentItem map(ResultSet rs, int i) throws SQLException {
        return new LentItem(rs.getLong("id"), rs.getLong("person_id"), null, LentKind.valueOf(rs.getString("kind")),
                rs.getString("label"), rs.getString("serial"), rs.getObject("lent_on", LocalDate.class),
                rs.getObject("returned_on", LocalDate.class), rs.getString("return_note"));
    }
}
