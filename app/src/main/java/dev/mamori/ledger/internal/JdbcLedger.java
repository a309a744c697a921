package dev.mamori.ledger.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

import dev.mamori.ledger.Actor;
import dev.mamori.ledger.ActorResolver;
import dev.mamori.ledger.AuditRecord;
import dev.mamori.ledger.CheckpointSummary;
import dev.mamori.ledger.Ledger;
import dev.mamori.ledger.LedgerEntry;
import dev.mamori.ledger.LedgerPage;
import dev.mamori.ledger.LedgerQuery;
import dev.mamori.ledger.Subject;
import dev.mamori.ledger.verify.Jcs;

/**
 * Appends entries to {@code ledger.entry}. Sequence numbers are gapless: each writing transaction
 * takes a transaction-scoped advisory lock and numbers its entries after the current maximum.
 */
@Service
class JdbcLedger implements Ledger {

    static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private static final long LOCK_KEY = 0x6d616d6f72694cL; // "mamoriL"

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final JsonMapper json;
    private final ObjectProvider<ActorResolver> actors;
    private final Clock clock;
    private final TreeStore tree;

    JdbcLedger(JdbcClient jdbc, JdbcTemplate template, JsonMapper json, ObjectProvider<ActorResolver> actors,
               ObjectProvider<Clock> clock) {
        this.jdbc = jdbc;
        this.template = template;
        this.json = json;
        this.actors = actors;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.tree = new TreeStore(template);
    }

    private Actor currentActor() {
        ActorResolver resolver = actors.getIfAvailable();
        return resolver == null ? Actor.system() : resolver.currentActor();
    }

    @Override
    @Transactional
    public long record(String action, Subject subject, Map<String, ?> details) {
        return record(currentActor(), AuditRecord.of(action, subject, details));
    }

    @Override
    @Transactional
    public long record(Actor actor, AuditRecord record) {
        Prepared prepared = prepare(record);
        long seq = nextSeq();
        Object[] row = row(seq, now(), actor, prepared);
        template.update(INSERT, row);
        tree.append(seq - 1, List.of((byte[]) row[LEAF]));
        return seq;
    }

    @Override
    @Transactional
    public void recordAll(List<AuditRecord> records) {
        if (records.isEmpty()) {
            return;
        }
        Actor actor = currentActor();
        List<Prepared> prepared = new ArrayList<>(records.size());
        for (AuditRecord r : records) {
            prepared.add(prepare(r)); // the JSON work happens before the lock is taken
        }
        long first = nextSeq();
        long seq = first;
        Instant at = now();
        List<Object[]> rows = new ArrayList<>(records.size());
        List<byte[]> leaves = new ArrayList<>(records.size());
        for (Prepared p : prepared) {
            Object[] row = row(seq++, at, actor, p);
            rows.add(row);
            leaves.add((byte[]) row[LEAF]);
        }
        template.batchUpdate(INSERT, rows);
        tree.append(first - 1, leaves);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS); // PostgreSQL keeps microseconds
    }

    private long nextSeq() {
        template.queryForObject("select pg_advisory_xact_lock(?)", Object.class, LOCK_KEY);
        Long max = template.queryForObject("select max(seq) from ledger.entry", Long.class);
        return max == null ? 1 : max + 1;
    }

    private static final String INSERT = """
            insert into ledger.entry (seq, recorded_at, actor_kind, actor_account_id, actor_username, actor_person_id,
                                      action, subject_type, subject_id, details, canonical, leaf_hash)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?)""";
    private static final int LEAF = 11;

    /** A record with its details as JSON text and as the plain JSON values any verifier reads. */
    private record Prepared(AuditRecord record, String detailsJson, Object details) {
    }

    private Prepared prepare(AuditRecord r) {
        Object details = plain(r.details()); // plain JSON values, without a Jackson round trip for simple details
        return new Prepared(r, Jcs.canonical(details), details);
    }

    private Object[] row(long seq, Instant at, Actor actor, Prepared p) {
        AuditRecord r = p.record();
        String canonical = EntryCodec.canonical(seq, at, actor, r.action(), r.subject(), p.details());
        return new Object[] {seq, Timestamp.from(at), actor.kind().name(), actor.accountId(), actor.username(),
                actor.personId(), r.action(), r.subject().type(), r.subject().id(), p.detailsJson(), canonical,
                EntryCodec.leafHash(canonical)};
    }

    /**
     * The value as plain JSON values (maps with string keys, lists, strings, numbers, booleans, null); other
     * objects are converted the way Jackson writes them. Cheap for the common case of simple details.
     */
    private Object plain(Object value) {
        if (value == null || value instanceof String || value instanceof Boolean || value instanceof Integer
                || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return value;
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new java.util.LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), plain(v)));
            return out;
        }
        if (value instanceof java.util.Collection<?> c) {
            List<Object> out = new ArrayList<>(c.size());
            c.forEach(v -> out.add(plain(v)));
            return out;
        }
        if (value instanceof Enum<?> e) {
            return e.name();
        }
        if (value instanceof java.time.temporal.TemporalAccessor || value instanceof java.util.UUID) {
            return value.toString();
        }
        return json.readValue(json.writeValueAsString(value), Object.class);
    }

    /** The tree's size (number of entries) as of now. */
    long size() {
        return jdbc.sql("select coalesce(max(seq), 0) from ledger.entry").query(Long.class).single();
    }

    /** The tree's size (number of entries) and root hash as of now. */
    @Transactional(readOnly = true)
    public TreeHead head() {
        long size = jdbc.sql("select coalesce(max(seq), 0) from ledger.entry").query(Long.class).single();
        return new TreeHead(size, tree.hash(0, size));
    }

    TreeStore tree() {
        return tree;
    }


    @Override
    @Transactional(readOnly = true)
    public LedgerPage search(LedgerQuery q, int page, int size) {
        int safeSize = Math.min(Math.max(size, 1), 500);
        int safePage = Math.max(page, 0);
        List<Object> args = new ArrayList<>();
        String where = where(q, args);
        Long total = template.queryForObject("select count(*) from ledger.entry" + where, Long.class, args.toArray());
        List<Object> pageArgs = new ArrayList<>(args);
        pageArgs.add(safeSize);
        pageArgs.add((long) safePage * safeSize);
        List<LedgerEntry> entries = template.query(
                "select * from ledger.entry" + where + " order by seq desc limit ? offset ?",
                JdbcLedger::map, pageArgs.toArray());
        return new LedgerPage(entries, safePage, safeSize, Optional.ofNullable(total).orElse(0L));
    }


    /** Every entry the query selects, oldest first, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<LedgerEntry> select(LedgerQuery q, int limit) {
        List<Object> args = new ArrayList<>();
        String where = where(q, args);
        args.add(limit);
        return template.query("select * from ledger.entry" + where + " order by seq limit ?", JdbcLedger::map, args.toArray());
    }

    private static String where(LedgerQuery q, List<Object> args) {
        StringBuilder where = new StringBuilder(" where true");
        if (notBlank(q.subjectType())) {
            where.append(" and subject_type = ?");
            args.add(q.subjectType().trim());
        }
        if (notBlank(q.subjectId())) {
            where.append(" and subject_id = ?");
            args.add(q.subjectId().trim());
        }
        if (notBlank(q.actor())) {
            where.append(" and actor_username = ?");
            args.add(q.actor().trim());
        }
        if (notBlank(q.action())) {
            where.append(" and action like ? escape '\\'");
            args.add(q.action().trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (q.from() != null) {
            where.append(" and recorded_at >= ?");
            args.add(Timestamp.from(q.from().atStartOfDay(JAPAN).toInstant()));
        }
        if (q.to() != null) {
            where.append(" and recorded_at < ?");
            args.add(Timestamp.from(q.to().plusDays(1).atStartOfDay(JAPAN).toInstant()));
        }
        return where.toString();
    }

    @Override
    @Transactional(readOnly = true)
    public List<LedgerEntry> historyOf(Subject subject) {
        return jdbc.sql("select * from ledger.entry where subject_type = ? and subject_id = ? order by seq")
                .params(subject.type(), subject.id())
                .query(JdbcLedger::map)
                .list();
    }

    @Override
    @Transactional(readOnly = true)
    public long count() {
        return jdbc.sql("select count(*) from ledger.entry").query(Long.class).single();
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<CheckpointSummary> latestCheckpoint() {
        return jdbc.sql("""
                        select c.tree_size, c.root_hash, c.created_at, t.gen_time, t.checkpoint_id is not null and t.tsa_url is null as built_in
                        from ledger.checkpoint c left join ledger.checkpoint_timestamp t on t.checkpoint_id = c.id
                        order by c.tree_size desc limit 1""")
                .query((rs, n) -> new CheckpointSummary(rs.getLong("tree_size"), HexFormat.of().formatHex(rs.getBytes("root_hash")),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("gen_time") == null ? null : rs.getTimestamp("gen_time").toInstant(),
                        rs.getBoolean("built_in")))
                .optional();
    }

    static LedgerEntry mapEntry(ResultSet rs, int row) throws SQLException {
        return map(rs, row);
    }

    private static LedgerEntry map(ResultSet rs, int row) throws SQLException {
        Actor actor = new Actor(Actor.Kind.valueOf(rs.getString("actor_kind")),
                (Long) rs.getObject("actor_account_id"), rs.getString("actor_username"),
                (Long) rs.getObject("actor_person_id"));
        return new LedgerEntry(rs.getLong("seq"), rs.getTimestamp("recorded_at").toInstant(), actor,
                rs.getString("action"), new Subject(rs.getString("subject_type"), rs.getString("subject_id")),
                rs.getString("details"), rs.getString("canonical"), HexFormat.of().formatHex(rs.getBytes("leaf_hash")));
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
