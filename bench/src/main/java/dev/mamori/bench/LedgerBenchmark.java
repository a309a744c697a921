package dev.mamori.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.mamori.MamoriApplication;
import dev.mamori.ledger.Actor;
import dev.mamori.ledger.AuditRecord;
import dev.mamori.ledger.Ledger;
import dev.mamori.ledger.Subject;
import dev.mamori.ledger.internal.Checkpoints;
import dev.mamori.ledger.internal.LogVerification;
import dev.mamori.ledger.internal.Proofs;
import dev.mamori.ledger.verify.Merkle;

/**
 * The ledger's speed, against the embedded PostgreSQL of a fresh data directory and the full Spring context:
 * <ol>
 * <li>appends per second with 16 concurrent writers, with 1, 100 and 1,000 entries per transaction
 * ({@code Ledger.record}, {@code Ledger.recordAll}), every transaction committed (durable: PostgreSQL's default
 * synchronous commit);</li>
 * <li>the log is then grown to N entries (argument, default 1,000,000) with synthetic entries written by SQL
 * (canonical bytes, leaf hashes and stored subtrees exactly as Mamori writes them; not timed as appends);</li>
 * <li>inclusion and consistency proofs in that log through {@code Proofs} (what the API calls), 1,000 each;</li>
 * <li>full verification: the Merkle work (leaf hash of each entry's canonical bytes, comparison with the stored
 * leaf, root of the tree) side by side with raw SHA-256 over the same bytes in the same run, chunk by chunk;
 * (a warm-up pass first, then the measured one) and the whole-log verification of the audit page end to end (reads, canonical forms recomputed from the fields).</li>
 * </ol>
 * Arguments: {@code [entries] [data dir]}.
 */
public final class LedgerBenchmark {

    private static final int WRITERS = 16;

    private LedgerBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long size = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        Path dataDir = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("mamori-ledger-bench-");
        ConfigurableApplicationContext context = new SpringApplicationBuilder(MamoriApplication.class)
                .properties("mamori.data-dir=" + dataDir.toAbsolutePath(), "server.port=0",
                        "mamori.admin-password=bench-admin-password", "spring.main.banner-mode=off",
                        "logging.level.root=warn", "mamori.db.pool-size=20", "mamori.ledger.checkpoint-check=1h")
                .run();
        try {
            run(context, size);
        } finally {
            SpringApplication.exit(context);
        }
        System.exit(0);
    }

    private static void run(ConfigurableApplicationContext context, long size) throws Exception {
        Ledger ledger = context.getBean(Ledger.class);
        JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
        TransactionTemplate tx = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
        System.out.printf("machine: %d cores, Java %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"));

        long start;
        if (count(jdbc) >= size) {
            // a data directory of an earlier run (-Dbench.ledger.dataDir): measure proofs and verification again
            System.out.printf("reusing the log of %,d entries in this data directory (no append figures)%n", count(jdbc));
        } else {
            appends(ledger, tx, 1, 20_000);
            appends(ledger, tx, 100, 200_000);
            appends(ledger, tx, 1_000, 200_000);

            start = System.nanoTime();
            grow(jdbc, tx, size);
            System.out.printf("grew the log to %,d entries by SQL in %.1f s (setup, not an append figure)%n",
                    count(jdbc), seconds(System.nanoTime() - start));
        }
        // what autovacuum does after a bulk load (its insert threshold), done here so that it does not run in
        // the middle of the proofs: statistics and the visibility map
        start = System.nanoTime();
        jdbc.execute("vacuum analyze ledger.entry");
        jdbc.execute("vacuum analyze ledger.tree_node");
        jdbc.execute("vacuum analyze ledger.tree_tile");
        System.out.printf("vacuum analyze of the ledger tables in %.1f s (setup)%n", seconds(System.nanoTime() - start));

        Checkpoints checkpoints = context.getBean(Checkpoints.class);
        start = System.nanoTime();
        Checkpoints.Checkpoint checkpoint = checkpoints.create();
        System.out.printf("checkpoint of %,d entries signed and time-stamped in %.1f ms%n", checkpoint.treeSize(),
                millis(System.nanoTime() - start));

        // first with the caches as they are (right after growing the log: warm; in a reused data directory right
        // after start: cold), then with the tables and indexes proofs read loaded into the OS cache, as on a
        // server that has run for a while with enough memory
        start = System.nanoTime();
        int tiles = context.getBean(Proofs.class).loadUpperTiles(); // what the application does once it is up
        System.out.printf("upper tiles of the tree loaded into memory: %,d tiles (%,d KB) in %.1f ms (start-up)%n", tiles,
                tiles * 2L, millis(System.nanoTime() - start));
        proofs(context.getBean(Proofs.class), checkpoint.treeSize(), "as started");
        start = System.nanoTime();
        jdbc.execute("create extension if not exists pg_prewarm");
        for (String relation : List.of("ledger.entry", "ledger.entry_pkey", "ledger.tree_node", "ledger.tree_node_pkey",
                "ledger.tree_tile", "ledger.tree_tile_pkey")) {
            jdbc.queryForObject("select pg_prewarm(?::regclass, 'read')", Long.class, relation);
        }
        System.out.printf("pg_prewarm of the ledger's tables and primary keys into the OS cache in %.1f s (setup)%n",
                seconds(System.nanoTime() - start));
        proofs(context.getBean(Proofs.class), checkpoint.treeSize(), "warm");
        verification(jdbc, checkpoint, false); // warm-up pass: the JIT compiles both loops
        verification(jdbc, checkpoint, true);

        start = System.nanoTime();
        LogVerification.Progress p = context.getBean(LogVerification.class).start().get(2, TimeUnit.HOURS);
        double s = seconds(System.nanoTime() - start);
        System.out.printf("whole-log verification of the audit page (reads, canonical forms from the fields, leaves, root): "
                + "%s, %,d entries in %.1f s = %,.0f entries/s%n", p.state(), p.checked(), s, p.checked() / s);
    }

    private static void appends(Ledger ledger, TransactionTemplate tx, int perTransaction, int total) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        int transactions = total / perTransaction;
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < transactions; t++) {
            int n = t;
            futures.add(pool.submit(() -> tx.executeWithoutResult(status -> {
                if (perTransaction == 1) {
                    ledger.record(Actor.system(), AuditRecord.of("bench.ledger.appended", Subject.of("bench", "s" + n),
                            Map.of("n", n)));
                } else {
                    List<AuditRecord> records = new ArrayList<>(perTransaction);
                    for (int i = 0; i < perTransaction; i++) {
                        records.add(AuditRecord.of("bench.ledger.appended", Subject.of("bench", "b" + n + "-" + i),
                                Map.of("n", n, "i", i)));
                    }
                    ledger.recordAll(records);
                }
            })));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        double s = seconds(System.nanoTime() - start);
        pool.shutdown();
        System.out.printf("appends, %d writers, %d entr%s per transaction: %,d entries in %.2f s = %,.0f entries/s%n",
                WRITERS, perTransaction, perTransaction == 1 ? "y" : "ies", total, s, total / s);
    }

    private static final String CANONICAL = "'{\"action\":\"bench.synthetic\",\"actor\":{\"accountId\":null,\"kind\":\"SYSTEM\","
            + "\"personId\":null,\"username\":\"system\"},\"details\":{},\"recordedAt\":\"2026-11-27T00:00:00Z\",\"seq\":' || g || "
            + "',\"subject\":{\"id\":\"' || g || '\",\"type\":\"bench\"}}'";

    private static void grow(JdbcTemplate jdbc, TransactionTemplate tx, long size) {
        long from = count(jdbc) + 1;
        for (long lo = from; lo <= size; lo += 1_000_000) {
            long a = lo;
            long b = Math.min(size, lo + 999_999);
            tx.executeWithoutResult(status -> {
                jdbc.queryForObject("select pg_advisory_xact_lock(?)", Object.class, 0x6d616d6f72694cL);
                jdbc.update("insert into ledger.entry (seq, recorded_at, actor_kind, actor_account_id, actor_username, "
                        + "actor_person_id, action, subject_type, subject_id, details, canonical, leaf_hash) "
                        + "select g, timestamptz '2026-11-27 00:00:00+00', 'SYSTEM', null, 'system', null, 'bench.synthetic', "
                        + "'bench', g::text, '{}'::jsonb, c, sha256('\\x00'::bytea || convert_to(c, 'UTF8')) "
                        + "from generate_series(?::bigint, ?::bigint) g, lateral (select " + CANONICAL + " as c) x", a, b);
            });
        }
        jdbc.update("insert into ledger.tree_node (level, idx, hash) "
                + "select 1, (l.seq - 1) / 2, sha256('\\x01'::bytea || l.leaf_hash || r.leaf_hash) "
                + "from ledger.entry l join ledger.entry r on r.seq = l.seq + 1 where l.seq % 2 = 1 on conflict do nothing");
        for (int level = 2; ; level++) {
            int inserted = jdbc.update("insert into ledger.tree_node (level, idx, hash) "
                    + "select ?, l.idx / 2, sha256('\\x01'::bytea || l.hash || r.hash) from ledger.tree_node l "
                    + "join ledger.tree_node r on r.level = l.level and r.idx = l.idx + 1 "
                    + "where l.level = ? and l.idx % 2 = 0 on conflict do nothing", level, level - 1);
            Long nodes = jdbc.queryForObject("select count(*) from ledger.tree_node where level = ?", Long.class, level);
            if (inserted == 0 && (nodes == null || nodes < 2)) {
                break;
            }
        }
        // the tiles of the grown part, as the application writes them (V2026_11_27_1500 explains the layout)
        jdbc.update("insert into ledger.tree_tile (level, idx, hashes) "
                + "select 0, (seq - 1) / 64, string_agg(leaf_hash, ''::bytea order by seq) from ledger.entry "
                + "where seq > ? group by (seq - 1) / 64 having count(*) = 64 on conflict do nothing", (from - 1) / 64 * 64);
        for (int level = 6; ; level += 6) {
            jdbc.update("insert into ledger.tree_tile (level, idx, hashes) "
                    + "select ?, idx / 64, string_agg(hash, ''::bytea order by idx) from ledger.tree_node "
                    + "where level = ? group by idx / 64 having count(*) = 64 on conflict do nothing", level, level);
            Long nodes = jdbc.queryForObject("select count(*) from ledger.tree_node where level = ?", Long.class, level);
            if (nodes == null || nodes < 64) {
                break;
            }
        }
        jdbc.execute("vacuum analyze ledger.tree_tile");
    }

    private static void proofs(Proofs proofs, long size, String cache) {
        Random random = new Random(42);
        int runs = 1_000;
        for (int i = 0; i < 100; i++) { // warm-up
            proofs.inclusion(1 + (long) (random.nextDouble() * size), size);
        }
        long[] inclusion = new long[runs];
        for (int i = 0; i < runs; i++) {
            long seq = 1 + (long) (random.nextDouble() * size);
            long start = System.nanoTime();
            Proofs.Inclusion p = proofs.inclusion(seq, size);
            inclusion[i] = System.nanoTime() - start;
            if (!Merkle.verifyInclusion(p.leafIndex(), p.treeSize(), p.leafHash(), p.proof(), p.root())) {
                throw new IllegalStateException("inclusion proof does not verify");
            }
        }
        long[] consistency = new long[runs];
        for (int i = 0; i < runs; i++) {
            long size1 = 1 + (long) (random.nextDouble() * (size - 1));
            long start = System.nanoTime();
            Proofs.Consistency p = proofs.consistency(size1, size);
            consistency[i] = System.nanoTime() - start;
            if (!Merkle.verifyConsistency(p.size1(), p.size2(), p.root1(), p.root2(), p.proof())) {
                throw new IllegalStateException("consistency proof does not verify");
            }
        }
        System.out.printf("inclusion proof in a log of %,d entries (API path, %d runs, cache %s): median %.2f ms, p99 %.2f ms%n",
                size, runs, cache, median(inclusion), p99(inclusion));
        System.out.printf("consistency proof to a log of %,d entries (%d runs, cache %s): median %.2f ms, p99 %.2f ms%n",
                size, runs, cache, median(consistency), p99(consistency));
    }

    private static final int CHUNK = 1 << 17;
    private static final int BLOCK = 1 << 12;

    /**
     * Reads the canonical bytes in aligned chunks of 2^17 entries (not timed) and times, over the same bytes:
     * raw SHA-256 (one digest over all of them); the Merkle work on one thread (leaf hash, comparison with the
     * stored leaf, root); and the Merkle work on all cores (complete subtrees of 2^12 leaves hashed in parallel,
     * then joined — the same root).
     */
    private static void verification(JdbcTemplate jdbc, Checkpoints.Checkpoint checkpoint, boolean report) throws Exception {
        Merkle.RootBuilder serialRoot = new Merkle.RootBuilder();
        Merkle.RootBuilder parallelRoot = new Merkle.RootBuilder();
        MessageDigest raw = MessageDigest.getInstance("SHA-256");
        long serialNanos = 0;
        long parallelNanos = 0;
        long rawNanos = 0;
        long bytes = 0;
        long read = 0;
        for (long from = 1; from <= checkpoint.treeSize(); from += CHUNK) {
            long start = System.nanoTime();
            List<byte[]> canonical = new ArrayList<>(CHUNK);
            List<byte[]> stored = new ArrayList<>(CHUNK);
            jdbc.query("select canonical, leaf_hash from ledger.entry where seq >= ? and seq < ? order by seq", rs -> {
                canonical.add(rs.getString(1).getBytes(StandardCharsets.UTF_8));
                stored.add(rs.getBytes(2));
            }, from, Math.min(from + CHUNK, checkpoint.treeSize() + 1));
            read += System.nanoTime() - start;

            start = System.nanoTime();
            for (byte[] b : canonical) {
                raw.update(b);
            }
            raw.digest();
            rawNanos += System.nanoTime() - start;

            start = System.nanoTime();
            for (int i = 0; i < canonical.size(); i++) {
                serialRoot.add(checkedLeaf(canonical.get(i), stored.get(i), from + i));
            }
            serialNanos += System.nanoTime() - start;

            start = System.nanoTime();
            int blocks = canonical.size() / BLOCK;
            byte[][] roots = new byte[blocks][];
            java.util.stream.IntStream.range(0, blocks).parallel().forEach(b -> {
                Merkle.RootBuilder block = new Merkle.RootBuilder();
                for (int i = b * BLOCK; i < (b + 1) * BLOCK; i++) {
                    block.add(checkedLeaf(canonical.get(i), stored.get(i), 0));
                }
                roots[b] = block.root();
            });
            for (byte[] r : roots) {
                parallelRoot.addSubtree(r, BLOCK);
            }
            for (int i = blocks * BLOCK; i < canonical.size(); i++) {
                parallelRoot.add(checkedLeaf(canonical.get(i), stored.get(i), from + i));
            }
            parallelNanos += System.nanoTime() - start;
            for (byte[] b : canonical) {
                bytes += b.length;
            }
        }
        long start = System.nanoTime();
        boolean matches = Arrays.equals(serialRoot.root(), checkpoint.rootHash());
        serialNanos += System.nanoTime() - start;
        start = System.nanoTime();
        matches &= Arrays.equals(parallelRoot.root(), checkpoint.rootHash());
        parallelNanos += System.nanoTime() - start;
        if (!report) {
            return;
        }
        double mb = bytes / 1e6;
        System.out.printf("full verification of %,d entries (%.1f MB of canonical bytes), roots %s the checkpoint:%n",
                checkpoint.treeSize(), mb, matches ? "match" : "DO NOT match");
        System.out.printf("  raw SHA-256 over the same bytes (1 thread):        %.2f s = %,.0f MB/s%n",
                seconds(rawNanos), mb / seconds(rawNanos));
        System.out.printf("  Merkle verification, 1 thread:                    %.2f s = %,.0f MB/s = %,.0f entries/s (%.2f of raw)%n",
                seconds(serialNanos), mb / seconds(serialNanos), checkpoint.treeSize() / seconds(serialNanos),
                (double) rawNanos / serialNanos);
        System.out.printf("  Merkle verification, %d cores:                     %.2f s = %,.0f MB/s = %,.0f entries/s (%.2f of raw)%n",
                Runtime.getRuntime().availableProcessors(), seconds(parallelNanos), mb / seconds(parallelNanos),
                checkpoint.treeSize() / seconds(parallelNanos), (double) rawNanos / parallelNanos);
        System.out.printf("  (reading the bytes from PostgreSQL took %.1f s more, not included)%n", seconds(read));
    }

    private static byte[] checkedLeaf(byte[] canonical, byte[] stored, long seq) {
        byte[] leaf = Merkle.leafHash(canonical);
        if (!MessageDigest.isEqual(leaf, stored)) {
            throw new IllegalStateException("leaf mismatch at " + seq);
        }
        return leaf;
    }

    private static long count(JdbcTemplate jdbc) {
        return jdbc.queryForObject("select coalesce(max(seq), 0) from ledger.entry", Long.class);
    }

    private static double median(long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return s[s.length / 2] / 1e6;
    }

    private static double p99(long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        return s[(int) (s.length * 0.99)] / 1e6;
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }
}
