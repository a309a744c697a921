package dev.mamori.ledger.internal;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.mamori.ledger.verify.SignedNote;

/**
 * Signed checkpoints of the ledger's tree in the C2SP tlog-checkpoint format, signed with an Ed25519 key
 * kept in {@code <data dir>/ledger/}. A checkpoint is made when the tree has grown and either
 * {@code mamori.ledger.checkpoint-entries} entries were added (default 1,000) or
 * {@code mamori.ledger.checkpoint-interval} passed (default 60 s) since the last one, and on demand.
 * Both defaults are Mamori's own choice: frequent enough that a day's evidence is anchored within a
 * minute, rare enough that signing costs nothing measurable.
 */
@Service
public class Checkpoints {

    private static final Logger log = LoggerFactory.getLogger(Checkpoints.class);

    public record Checkpoint(long id, long treeSize, byte[] rootHash, String note, Instant createdAt) {
    }

    private final JdbcClient jdbc;
    private final JdbcLedger ledger;
    private final Path dataDir;
    private final String keystore;
    private final String keystorePassword;
    private final String keyAlias;
    private final String origin;
    private final Duration interval;
    private final long everyEntries;
    private final Clock clock;
    private final Timestamps timestamps;
    private volatile KeyPair keys;

    Checkpoints(JdbcClient jdbc, JdbcLedger ledger, Timestamps timestamps, @Value("${mamori.data-dir:./data}") Path dataDir,
                @Value("${mamori.ledger.origin:mamori/ledger}") String origin,
                @Value("${mamori.ledger.checkpoint-interval:60s}") Duration interval,
                @Value("${mamori.ledger.checkpoint-entries:1000}") long everyEntries, ObjectProvider<Clock> clock,
                @Value("${mamori.ledger.keystore:}") String keystore,
                @Value("${mamori.ledger.keystore-password:}") String keystorePassword,
                @Value("${mamori.ledger.key-alias:checkpoint}") String keyAlias) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.timestamps = timestamps;
        this.dataDir = dataDir;
        this.keystore = keystore;
        this.keystorePassword = keystorePassword;
        this.keyAlias = keyAlias;
        this.origin = origin;
        this.interval = interval;
        this.everyEntries = everyEntries;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    public String origin() {
        return origin;
    }

    /** The key that checkpoint signatures verify with, as a signed-note verifier key. */
    public String verifierKey() {
        return SignedNote.verifierKey(keyName(), SignedNote.rawPublicKey(keys().getPublic()));
    }

    private String keyName() {
        return origin.replace(' ', '_').replace('+', '_');
    }

    /** Signs the current tree head (or returns the existing checkpoint of this size) and time-stamps it. */
    public Checkpoint create() {
        Checkpoint checkpoint = sign();
        timestamps.stamp(checkpoint);
        return checkpoint;
    }

    private Checkpoint sign() {
        TreeHead head = ledger.head();
        Optional<Checkpoint> existing = bySize(head.size());
        if (existing.isPresent()) {
            return existing.get();
        }
        String body = new SignedNote.Checkpoint(origin, head.size(), head.root()).body();
        String note;
        try {
            KeyPair pair = keys();
            note = SignedNote.sign(body, keyName(), pair.getPrivate(), SignedNote.rawPublicKey(pair.getPublic()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not sign the checkpoint", e);
        }
        long id = jdbc.sql("insert into ledger.checkpoint (tree_size, root_hash, note, created_at) values (?, ?, ?, ?) "
                        + "on conflict (tree_size) do nothing returning id")
                .params(head.size(), head.root(), note, Timestamp.from(clock.instant()))
                .query(Long.class).optional().orElse(-1L);
        return id < 0 ? bySize(head.size()).orElseThrow() : byId(id).orElseThrow();
    }

    /** Makes a checkpoint when the tree grew enough or long enough ago. */
    @Scheduled(fixedDelayString = "${mamori.ledger.checkpoint-check:5s}", initialDelayString = "${mamori.ledger.checkpoint-check:5s}")
    public void checkpointIfDue() {
        try {
            long size = jdbc.sql("select coalesce(max(seq), 0) from ledger.entry").query(Long.class).single();
            Optional<Checkpoint> last = latest();
            long lastSize = last.map(Checkpoint::treeSize).orElse(0L);
            boolean grown = size > lastSize;
            boolean due = size - lastSize >= everyEntries
                    || last.map(c -> !c.createdAt().plus(interval).isAfter(clock.instant())).orElse(true);
            if (grown && due) {
                create();
            }
        } catch (RuntimeException e) {
            log.warn("Could not make a ledger checkpoint: {}", e.toString());
        }
    }

    @Transactional(readOnly = true)
    public Optional<Checkpoint> latest() {
        return jdbc.sql("select * from ledger.checkpoint order by tree_size desc limit 1").query(Checkpoints::map).optional();
    }

    @Transactional(readOnly = true)
    public Optional<Checkpoint> bySize(long size) {
        return jdbc.sql("select * from ledger.checkpoint where tree_size = ?").param(size).query(Checkpoints::map).optional();
    }

    /** The earliest checkpoint whose tree holds entry {@code seq}. */
    @Transactional(readOnly = true)
    public Optional<Checkpoint> firstCovering(long seq) {
        return jdbc.sql("select * from ledger.checkpoint where tree_size >= ? order by tree_size limit 1").param(seq)
                .query(Checkpoints::map).optional();
    }

    @Transactional(readOnly = true)
    public Optional<Checkpoint> byId(long id) {
        return jdbc.sql("select * from ledger.checkpoint where id = ?").param(id).query(Checkpoints::map).optional();
    }

    @Transactional(readOnly = true)
    public List<Checkpoint> list(int page, int size) {
        return jdbc.sql("select * from ledger.checkpoint order by tree_size desc limit ? offset ?")
                .params(size, (long) page * size).query(Checkpoints::map).list();
    }

    static Checkpoint map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Checkpoint(rs.getLong("id"), rs.getLong("tree_size"), rs.getBytes("root_hash"), rs.getString("note"),
                rs.getTimestamp("created_at").toInstant());
    }

    private KeyPair keys() {
        KeyPair k = keys;
        if (k == null) {
            synchronized (this) {
                if (keys == null) {
                    keys = loadOrCreate();
                }
                k = keys;
            }
        }
        return k;
    }

    private KeyPair loadOrCreate() {
        return CheckpointKeys.load(dataDir, keystore, keystorePassword, keyAlias);
    }
}
