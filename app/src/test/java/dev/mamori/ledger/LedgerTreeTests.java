package dev.mamori.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.mamori.ledger.internal.EntryCodec;
import dev.mamori.ledger.verify.Jcs;
import dev.mamori.ledger.verify.Merkle;
import dev.mamori.ledger.verify.SignedNote;
import dev.mamori.platform.Role;
import dev.mamori.support.MamoriTest;
import dev.mamori.support.TestUsers;

/**
 * The audit trail is an RFC 6962 Merkle tree: leaf hashes cover canonical bytes anyone can recompute,
 * proofs from the API verify with the independent verifier's code, and checkpoints are signed notes.
 */
@MamoriTest
class LedgerTreeTests {

    static final HexFormat HEX = HexFormat.of();
    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired Ledger ledger;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;
    @Autowired TestUsers users;
    @Autowired DataSource dataSource;

    JsonNode getJson(String url, dev.mamori.platform.internal.security.MamoriUserDetails user) throws Exception {
        return JSON.readTree(mvc.perform(get(url).with(TestUsers.as(user))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    @Test
    void everyLeafHashCoversCanonicalBytesThatCanBeRecomputedFromTheEntry() throws Exception {
        String id = UUID.randomUUID().toString();
        ledger.record("test.tree.recorded", Subject.of("tree", id), Map.of("name", "機密 \"図面\"", "count", 3,
                "list", List.of(1, "two"), "zeta", true));
        var auditor = users.create(Role.AUDITOR);
        JsonNode entry = getJson("/api/v1/ledger/entries?subjectType=tree&subjectId=" + id, auditor).get("items").get(0);
        Object details = JSON.readValue(entry.get("details").asString(), Object.class);
        Actor actor = new Actor(Actor.Kind.valueOf(entry.get("actorKind").asString()),
                entry.get("actorAccountId").isNull() ? null : entry.get("actorAccountId").asLong(),
                entry.get("actorUsername").asString(), null);
        String recomputed = Jcs.canonical(EntryCodec.tree(entry.get("seq").asLong(),
                Instant.parse(entry.get("recordedAt").asString()), actor, entry.get("action").asString(),
                new Subject("tree", id), details));
        assertThat(entry.get("canonical").asString()).isEqualTo(recomputed);
        assertThat(entry.get("leafHash").asString())
                .isEqualTo(HEX.formatHex(Merkle.leafHash(recomputed.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void theStoredTreeHasTheRootOfAllLeavesAndItsProofsVerify() throws Exception {
        for (int i = 0; i < 37; i++) {
            ledger.record("test.tree.filled", Subject.of("tree", "fill"), Map.of("i", i));
        }
        var auditor = users.create(Role.AUDITOR);
        JsonNode first = JSON.readTree(mvc.perform(post("/api/v1/ledger/checkpoints").with(TestUsers.as(auditor)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        ledger.recordAll(List.of(AuditRecord.of("test.tree.batch", Subject.of("tree", "b"), Map.of()),
                AuditRecord.of("test.tree.batch", Subject.of("tree", "b"), Map.of())));
        JsonNode checkpoint = JSON.readTree(mvc.perform(post("/api/v1/ledger/checkpoints").with(TestUsers.as(auditor)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        long size = checkpoint.get("treeSize").asLong();

        List<byte[]> leaves = new ArrayList<>();
        jdbc.sql("select leaf_hash from ledger.entry where seq <= ? order by seq").param(size)
                .query((rs, i) -> rs.getBytes(1)).list().forEach(leaves::add);
        assertThat(leaves).hasSize((int) size);
        byte[] root = Merkle.root(leaves);
        assertThat(checkpoint.get("rootHash").asString()).isEqualTo(HEX.formatHex(root));

        String vkey = getJson("/api/v1/ledger/key", auditor).get("verifierKey").asString();
        String body = SignedNote.verify(checkpoint.get("note").asString(), vkey);
        assertThat(body).isNotNull();
        assertThat(SignedNote.parseCheckpoint(body).root()).isEqualTo(root);

        for (long seq : new long[] {1, size / 2, size}) {
            JsonNode p = getJson("/api/v1/ledger/proofs/inclusion?seq=" + seq + "&treeSize=" + size, auditor);
            List<byte[]> proof = new ArrayList<>();
            p.get("proof").forEach(h -> proof.add(HEX.parseHex(h.asString())));
            assertThat(Merkle.verifyInclusion(seq - 1, size, leaves.get((int) seq - 1), proof, root)).as("seq %d", seq).isTrue();
        }
        long older = first.get("treeSize").asLong();
        assertThat(older).isLessThan(size);
        JsonNode c = getJson("/api/v1/ledger/proofs/consistency?size1=" + older + "&size2=" + size, auditor);
        List<byte[]> proof = new ArrayList<>();
        c.get("proof").forEach(h -> proof.add(HEX.parseHex(h.asString())));
        assertThat(Merkle.verifyConsistency(older, size, Merkle.root(leaves.subList(0, (int) older)), root, proof)).isTrue();
    }

    @Test
    void proofsStillVerifyWhenTheirUpperSubtreesComeFromMemory() throws Exception {
        // enough entries for stored subtrees of 2^10 leaves, which proofs keep in memory once read
        List<AuditRecord> batch = new ArrayList<>();
        for (int i = 0; i < 2_100; i++) {
            batch.add(AuditRecord.of("test.tree.bulk", Subject.of("tree", "bulk"), Map.of("i", i)));
        }
        ledger.recordAll(batch);
        var auditor = users.create(Role.AUDITOR);
        long size = jdbc.sql("select max(seq) from ledger.entry").query(Long.class).single();
        assertThat(size).isGreaterThanOrEqualTo(2_100);
        List<byte[]> leaves = new ArrayList<>();
        jdbc.sql("select leaf_hash from ledger.entry where seq <= ? order by seq").param(size)
                .query((rs, i) -> rs.getBytes(1)).list().forEach(leaves::add);
        byte[] root = Merkle.root(leaves);
        for (int round = 0; round < 2; round++) { // the second round reads the upper subtrees from memory
            for (long seq : new long[] {1, 1_024, 1_025, size / 2, size - 1, size}) {
                JsonNode p = getJson("/api/v1/ledger/proofs/inclusion?seq=" + seq + "&treeSize=" + size, auditor);
                assertThat(p.get("root").asString()).as("root, round %d", round).isEqualTo(HEX.formatHex(root));
                List<byte[]> proof = new ArrayList<>();
                p.get("proof").forEach(h -> proof.add(HEX.parseHex(h.asString())));
                assertThat(Merkle.verifyInclusion(seq - 1, size, leaves.get((int) seq - 1), proof, root))
                        .as("seq %d, round %d", seq, round).isTrue();
            }
            long older = 1_500;
            JsonNode c = getJson("/api/v1/ledger/proofs/consistency?size1=" + older + "&size2=" + size, auditor);
            List<byte[]> proof = new ArrayList<>();
            c.get("proof").forEach(h -> proof.add(HEX.parseHex(h.asString())));
            assertThat(Merkle.verifyConsistency(older, size, Merkle.root(leaves.subList(0, (int) older)), root, proof))
                    .as("consistency, round %d", round).isTrue();
        }
    }

    @Test
    void everyCompleteTileIsStoredAndHoldsExactlyTheHashesItCovers() {
        List<AuditRecord> batch = new ArrayList<>();
        for (int i = 0; i < 4_200; i++) { // enough for a tile of level 6 (64 nodes of 64 leaves)
            batch.add(AuditRecord.of("test.tree.tiled", Subject.of("tree", "tiles"), Map.of("i", i)));
        }
        ledger.recordAll(batch);
        ledger.record("test.tree.tiled", Subject.of("tree", "tiles"), Map.of("single", true));
        // one snapshot: appends are serialised and a tile is written in the transaction that completes it
        Map<String, Object> counts = jdbc.sql("""
                select (select max(seq) from ledger.entry) as size,
                       (select count(*) from ledger.tree_tile where level = 0) as leaf_tiles,
                       (select count(*) from ledger.tree_tile where level = 6) as level6_tiles,
                       (select count(*) from ledger.tree_tile t where t.level = 0 and t.hashes is distinct from
                           (select string_agg(e.leaf_hash, ''::bytea order by e.seq) from ledger.entry e
                            where e.seq between t.idx * 64 + 1 and t.idx * 64 + 64)) as wrong_leaf_tiles,
                       (select count(*) from ledger.tree_tile t where t.level > 0 and t.hashes is distinct from
                           (select string_agg(n.hash, ''::bytea order by n.idx) from ledger.tree_node n
                            where n.level = t.level and n.idx between t.idx * 64 and t.idx * 64 + 63)) as wrong_node_tiles
                """).query().singleRow();
        long size = ((Number) counts.get("size")).longValue();
        assertThat(((Number) counts.get("leaf_tiles")).longValue()).isEqualTo(size / 64);
        assertThat(((Number) counts.get("level6_tiles")).longValue()).isEqualTo(size / 4096).isPositive();
        assertThat(((Number) counts.get("wrong_leaf_tiles")).longValue()).isZero();
        assertThat(((Number) counts.get("wrong_node_tiles")).longValue()).isZero();
        assertThat(jdbc.sql("select count(*) from ledger.tree_tile where length(hashes) <> 2048").query(Long.class).single())
                .isZero();
    }

    @Test
    void refusesImpossibleProofsWithAClearMessageAndRefusesOutsiders() throws Exception {
        var auditor = users.create(Role.AUDITOR);
        mvc.perform(get("/api/v1/ledger/proofs/inclusion?seq=0").with(TestUsers.as(auditor)))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/ledger/proofs/consistency?size1=5&size2=2").with(TestUsers.as(auditor)))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/v1/ledger/entries").with(TestUsers.as(users.create(Role.EMPLOYEE))))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/ledger/checkpoints").with(TestUsers.as(users.create(Role.IT_SECURITY))))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/ledger/entries")).andExpect(status().isUnauthorized());
    }

    @Test
    void theMigrationCarriesEntriesRecordedBeforeTheTreeIntoIt() {
        String db = "ledger_migration_" + Long.toHexString(System.nanoTime());
        new JdbcTemplate(dataSource).execute("create database " + db);
        String url = ((HikariDataSource) dataSource).getJdbcUrl().replaceAll("/[a-z_0-9]+(\\?|$)", "/" + db + "$1");
        DriverManagerDataSource fresh = new DriverManagerDataSource(url, "postgres", "");
        Flyway.configure().dataSource(fresh).locations("classpath:db/migration").target("2026.11.26.0030").load().migrate();
        JdbcTemplate old = new JdbcTemplate(fresh);
        for (int i = 1; i <= 140; i++) {
            old.update("insert into ledger.entry (seq, actor_kind, actor_username, action, subject_type, subject_id, details) "
                    + "values (?, 'SYSTEM', 'system', 'test.old.recorded', 'old', ?, cast(? as jsonb))", i, "o" + i,
                    "{\"n\": " + i + ", \"name\": \"旧記録\"}");
        }
        Flyway.configure().dataSource(fresh).locations("classpath:db/migration").load().migrate();

        List<byte[]> leaves = old.query("select canonical, leaf_hash from ledger.entry order by seq", (rs, n) -> {
            assertThat(rs.getBytes(2)).isEqualTo(Merkle.leafHash(rs.getString(1).getBytes(StandardCharsets.UTF_8)));
            assertThat(rs.getString(1)).contains("\"seq\":" + (n + 1)).contains("\"details\":{\"n\":" + (n + 1) + ",\"name\":\"旧記録\"}");
            return rs.getBytes(2);
        });
        assertThat(leaves).hasSize(140);
        var tree = new dev.mamori.ledger.internal.TreeStore(old);
        assertThat(tree.hash(0, 140)).isEqualTo(Merkle.root(leaves));
        assertThat(tree.hash(0, 8)).isEqualTo(Merkle.root(leaves.subList(0, 8)));
        // the tiles of the carried log: two complete tiles of 64 leaves, the last 12 leaves not yet a tile
        List<byte[]> tiles = old.query("select hashes from ledger.tree_tile where level = 0 order by idx", (rs, n) -> rs.getBytes(1));
        assertThat(tiles).hasSize(2);
        for (int t = 0; t < 2; t++) {
            java.io.ByteArrayOutputStream expected = new java.io.ByteArrayOutputStream();
            leaves.subList(t * 64, t * 64 + 64).forEach(expected::writeBytes);
            assertThat(tiles.get(t)).isEqualTo(expected.toByteArray());
        }
        assertThat(tree.prefetched(List.of(new long[] {0, 140}, new long[] {70, 71})).hash(0, 140)).isEqualTo(Merkle.root(leaves));
    }
}
