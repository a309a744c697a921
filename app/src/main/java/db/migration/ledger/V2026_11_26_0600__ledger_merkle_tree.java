package db.migration.ledger;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import tools.jackson.databind.json.JsonMapper;

import dev.mamori.ledger.Actor;
import dev.mamori.ledger.Subject;
import dev.mamori.ledger.internal.EntryCodec;
import dev.mamori.ledger.internal.TreeStore;

/**
 * Turns the audit trail into a Merkle tree: every entry gets its canonical bytes (RFC 8785) and leaf
 * hash, the complete subtrees are stored, and signed checkpoints get their table. Entries recorded
 * before this migration are carried into the tree in their sequence order.
 */
public class V2026_11_26_0600__ledger_merkle_tree extends BaseJavaMigration {

    @Override
    public void migrate(Context context) {
        JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(context.getConnection(), true));
        jdbc.execute("alter table ledger.entry add column canonical text, add column leaf_hash bytea");
        jdbc.execute("""
                create table ledger.tree_node (
                    level int    not null,
                    idx   bigint not null,
                    hash  bytea  not null,
                    primary key (level, idx))""");
        jdbc.execute("""
                create table ledger.checkpoint (
                    id         bigint generated always as identity primary key,
                    tree_size  bigint      not null unique,
                    root_hash  bytea       not null,
                    note       text        not null,
                    created_at timestamptz not null default now())""");
        jdbc.execute("create trigger tree_node_no_update_or_delete before update or delete on ledger.tree_node "
                + "for each row execute function ledger.refuse_change()");
        jdbc.execute("create trigger checkpoint_no_update_or_delete before update or delete on ledger.checkpoint "
                + "for each row execute function ledger.refuse_change()");

        JsonMapper json = JsonMapper.builder().build();
        TreeStore tree = new TreeStore(jdbc, false); // its tiles come with V2026_11_27_1500
        jdbc.execute("alter table ledger.entry disable trigger entry_no_update_or_delete");
        long after = 0;
        while (true) {
            List<Object[]> updates = new ArrayList<>();
            List<byte[]> leaves = new ArrayList<>();
            long from = after;
            jdbc.query("select * from ledger.entry where seq > ? order by seq limit 5000", rs -> {
                long seq = rs.getLong("seq");
                Actor actor = new Actor(Actor.Kind.valueOf(rs.getString("actor_kind")), (Long) rs.getObject("actor_account_id"),
                        rs.getString("actor_username"), (Long) rs.getObject("actor_person_id"));
                Object details = json.readValue(rs.getString("details"), Object.class);
                Timestamp at = rs.getTimestamp("recorded_at");
                String canonical = EntryCodec.canonical(seq, at.toInstant(), actor, rs.getString("action"),
                        new Subject(rs.getString("subject_type"), rs.getString("subject_id")), details);
                byte[] leaf = EntryCodec.leafHash(canonical);
                updates.add(new Object[] {canonical, leaf, seq});
                leaves.add(leaf);
            }, from);
            if (updates.isEmpty()) {
                break;
            }
            jdbc.batchUpdate("update ledger.entry set canonical = ?, leaf_hash = ? where seq = ?", updates);
            tree.append(from, leaves); // seq numbers are gapless from 1, so leaf index = seq - 1 = from + n
            after = (Long) updates.get(updates.size() - 1)[2];
        }
        jdbc.execute("alter table ledger.entry enable trigger entry_no_update_or_delete");
        jdbc.execute("alter table ledger.entry alter column canonical set not null, alter column leaf_hash set not null");
    }
}
