package dev.mamori.ledger.durability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import tools.jackson.databind.json.JsonMapper;

import dev.mamori.ledger.Actor;
import dev.mamori.ledger.Subject;
import dev.mamori.ledger.internal.EntryCodec;
import dev.mamori.ledger.internal.TreeStore;
import dev.mamori.ledger.verify.Merkle;
import dev.mamori.ledger.verify.SignedNote;

/**
 * No entry is lost or changed when the process dies: Mamori runs in a child JVM against a PostgreSQL this test
 * owns, writes heavily from many threads (each change and its entry in one transaction, checkpoints made
 * meanwhile), and is killed with SIGKILL ({@code Process#destroyForcibly}) at a random moment, several times.
 * After each kill: every change reported committed has its row and its entry, every change row has its entry and
 * vice versa, seq has no gaps, every leaf hash recomputes from the entry's fields, every stored tree node
 * recomputes from the leaves, and every checkpoint's root is the root of the recomputed leaves at its size.
 * Each restart must come up on the database the killed process left.
 */
class LedgerDurabilityTests {

    static final int KILLS = 4;
    static EmbeddedPostgres postgres;

    @BeforeAll
    static void startDatabase(@TempDir Path dir) throws Exception {
        postgres = EmbeddedPostgres.builder().setDataDirectory(dir.resolve("pg")).setCleanDataDirectory(true)
                .setServerConfig("listen_addresses", "127.0.0.1").setLocaleConfig("locale", "C")
                .setLocaleConfig("encoding", "UTF-8").start();
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        if (postgres != null) {
            postgres.close();
        }
    }

    record Child(Process process, Set<String> committed, CountDownLatch ready, Map<String, CountDownLatch> waits) {
    }

    Child start(Path dataDir, int killAfter) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), DurabilityWriter.class.getName(),
                "--server.port=" + port,
                "--mamori.data-dir=" + dataDir, "--mamori.db.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--mamori.db.user=postgres", "--mamori.db.password=",
                "--mamori.ledger.checkpoint-entries=300", "--mamori.ledger.checkpoint-check=200ms",
                "--logging.level.root=WARN");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Set<String> committed = ConcurrentHashMap.newKeySet();
        CountDownLatch ready = new CountDownLatch(1);
        CountDownLatch enough = new CountDownLatch(killAfter);
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.startsWith("DURABLE-COMMITTED ")) {
                        committed.add(line.substring("DURABLE-COMMITTED ".length()));
                        enough.countDown();
                    } else if (line.equals("DURABLE-READY")) {
                        ready.countDown();
                    } else if (line.contains("ERROR") || line.contains("Exception")) {
                        System.err.println("[child] " + line);
                    }
                }
            } catch (java.io.IOException ignored) {
                // the process was killed
            } finally {
                ready.countDown(); // the process ended: let the test see it rather than wait
                while (enough.getCount() > 0) {
                    enough.countDown();
                }
            }
        }, "durability-reader");
        reader.setDaemon(true);
        reader.start();
        return new Child(process, committed, ready, Map.of("enough", enough));
    }

    @Test
    void killingTheProcessDuringHeavyWritesLosesNoCommittedChangeAndTheTreeReverifies(@TempDir Path dataDir) throws Exception {
        keyDir = dataDir;
        Random random = new Random();
        Set<String> everCommitted = new HashSet<>();
        for (int round = 1; round <= KILLS; round++) {
            Child child = start(dataDir, 1_000 + random.nextInt(4_000));
            assertThat(child.ready().await(180, TimeUnit.SECONDS)).as("round %d: the app came up", round).isTrue();
            assertThat(child.waits().get("enough").await(180, TimeUnit.SECONDS)).as("round %d: writes", round).isTrue();
            assertThat(child.process().isAlive()).as("round %d: the app was still writing when killed", round).isTrue();
            child.process().destroyForcibly(); // SIGKILL on Linux and macOS
            assertThat(child.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
            everCommitted.addAll(child.committed());
            assertDurable(everCommitted, round);
        }
        // the database the last kill left still starts
        Child last = start(dataDir, 1);
        assertThat(last.ready().await(180, TimeUnit.SECONDS)).isTrue();
        assertThat(last.process().isAlive()).isTrue();
        last.process().destroyForcibly();
        last.process().waitFor(60, TimeUnit.SECONDS);
    }

    void assertDurable(Set<String> committed, int round) throws Exception {
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(c, true));
            Set<String> changes = new HashSet<>(jdbc.queryForList("select id from durability.change", String.class));
            Set<String> entries = new HashSet<>(jdbc.queryForList(
                    "select subject_id from ledger.entry where action = 'test.durability.changed'", String.class));
            assertThat(changes).as("round %d: every committed change is there", round).containsAll(committed);
            assertThat(entries).as("round %d: every change has its entry and every entry its change", round)
                    .isEqualTo(changes);

            long count = jdbc.queryForObject("select count(*) from ledger.entry", Long.class);
            long max = jdbc.queryForObject("select coalesce(max(seq), 0) from ledger.entry", Long.class);
            assertThat(max).as("round %d: seq has no gaps", round).isEqualTo(count);

            JsonMapper json = JsonMapper.builder().build();
            List<byte[]> leaves = new ArrayList<>();
            jdbc.query("select * from ledger.entry order by seq", rs -> {
                Actor actor = new Actor(Actor.Kind.valueOf(rs.getString("actor_kind")), (Long) rs.getObject("actor_account_id"),
                        rs.getString("actor_username"), (Long) rs.getObject("actor_person_id"));
                String canonical = EntryCodec.canonical(rs.getLong("seq"), rs.getTimestamp("recorded_at").toInstant(), actor,
                        rs.getString("action"), new Subject(rs.getString("subject_type"), rs.getString("subject_id")),
                        json.readValue(rs.getString("details"), Object.class));
                assertThat(rs.getString("canonical")).isEqualTo(canonical);
                byte[] leaf = EntryCodec.leafHash(canonical);
                assertThat(rs.getBytes("leaf_hash")).isEqualTo(leaf);
                leaves.add(leaf);
            });
            assertThat(leaves).hasSize((int) count);

            // every complete subtree is stored, and stored as recomputed from the leaves
            Map<String, byte[]> expected = new HashMap<>();
            List<byte[]> level = leaves;
            for (int l = 1; level.size() >= 2; l++) {
                List<byte[]> up = new ArrayList<>();
                for (int i = 0; i + 1 < level.size(); i += 2) {
                    byte[] h = Merkle.nodeHash(level.get(i), level.get(i + 1));
                    up.add(h);
                    expected.put(l + ":" + (i / 2), h);
                }
                level = up;
            }
            Map<String, byte[]> stored = new HashMap<>();
            jdbc.query("select level, idx, hash from ledger.tree_node",
                    rs -> { stored.put(rs.getInt("level") + ":" + rs.getLong("idx"), rs.getBytes("hash")); });
            assertThat(stored.keySet()).as("round %d: stored nodes", round).isEqualTo(expected.keySet());
            for (var e : expected.entrySet()) {
                assertThat(stored.get(e.getKey())).as("node %s", e.getKey()).isEqualTo(e.getValue());
            }
            assertThat(new TreeStore(jdbc).hash(0, count)).isEqualTo(Merkle.root(leaves));

            // every complete tile of 64 hashes is stored, and holds exactly the leaves or nodes it covers
            Map<String, byte[]> expectedTiles = new HashMap<>();
            for (int t = 0; (t + 1) * 64 <= leaves.size(); t++) {
                java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
                leaves.subList(t * 64, t * 64 + 64).forEach(b::writeBytes);
                expectedTiles.put("0:" + t, b.toByteArray());
            }
            for (int l = 6; expected.containsKey(l + ":63"); l += 6) {
                for (int t = 0; expected.containsKey(l + ":" + (t * 64 + 63)); t++) {
                    java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
                    for (int i = t * 64; i < t * 64 + 64; i++) {
                        b.writeBytes(expected.get(l + ":" + i));
                    }
                    expectedTiles.put(l + ":" + t, b.toByteArray());
                }
            }
            Map<String, byte[]> storedTiles = new HashMap<>();
            jdbc.query("select level, idx, hashes from ledger.tree_tile",
                    rs -> { storedTiles.put(rs.getInt("level") + ":" + rs.getLong("idx"), rs.getBytes("hashes")); });
            assertThat(storedTiles.keySet()).as("round %d: stored tiles", round).isEqualTo(expectedTiles.keySet());
            for (var e : expectedTiles.entrySet()) {
                assertThat(storedTiles.get(e.getKey())).as("tile %s", e.getKey()).isEqualTo(e.getValue());
            }

            // every checkpoint signs the root of the recomputed leaves at its size
            String key = SignedNote.verifierKey("mamori/ledger", SignedNote.rawPublicKey(publicKey()));
            List<Map<String, Object>> checkpoints = jdbc.queryForList("select tree_size, root_hash, note from ledger.checkpoint");
            assertThat(checkpoints).as("round %d: checkpoints were made during the writes", round).isNotEmpty();
            for (Map<String, Object> cp : checkpoints) {
                long size = (Long) cp.get("tree_size");
                byte[] root = Merkle.root(leaves.subList(0, (int) size));
                assertThat((byte[]) cp.get("root_hash")).isEqualTo(root);
                String body = SignedNote.verify((String) cp.get("note"), key);
                assertThat(body).isNotNull();
                assertThat(Arrays.equals(SignedNote.parseCheckpoint(body).root(), root)).isTrue();
            }
            c.rollback();
        }
    }

    Path keyDir;

    java.security.PublicKey publicKey() throws Exception {
        return java.security.KeyFactory.getInstance("Ed25519").generatePublic(new java.security.spec.X509EncodedKeySpec(
                java.nio.file.Files.readAllBytes(keyDir.resolve("ledger").resolve("checkpoint-ed25519.pub"))));
    }
}
