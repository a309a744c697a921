package dev.mamori.ledger.verify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every case of the published RFC 6962 proof vectors (from an independent implementation): each
 * {@code wantErr: false} case verifies and each {@code wantErr: true} case is rejected.
 */
class Rfc6962VectorsTests {

    static final Path VECTORS = Path.of(System.getProperty("mamori.rfc6962.vectors", "../../shared/testdata/rfc6962"));
    static final JsonMapper JSON = JsonMapper.builder().build();

    static List<Path> cases(String kind) throws IOException {
        try (Stream<Path> files = Files.walk(VECTORS.resolve(kind))) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    static byte[] b64(JsonNode node) {
        return node == null || node.isNull() ? new byte[0] : Base64.getDecoder().decode(node.asString());
    }

    static List<byte[]> proof(JsonNode node) {
        List<byte[]> proof = new ArrayList<>();
        if (node != null && !node.isNull()) {
            node.forEach(p -> proof.add(b64(p)));
        }
        return proof;
    }

    @Test
    void theVectorsArePresentAndComplete() throws IOException {
        assertThat(cases("inclusion").size() + cases("consistency").size()).isEqualTo(196);
    }

    @TestFactory
    Stream<DynamicTest> inclusionProofs() throws IOException {
        return cases("inclusion").stream().map(file -> DynamicTest.dynamicTest(VECTORS.relativize(file).toString(), () -> {
            JsonNode c = JSON.readTree(file.toFile());
            boolean holds = Merkle.verifyInclusion(c.get("leafIdx").bigIntegerValue().longValue(), c.get("treeSize").bigIntegerValue().longValue(),
                    b64(c.get("leafHash")), proof(c.get("proof")), b64(c.get("root")));
            assertThat(holds).as(c.get("desc").asString()).isEqualTo(!c.get("wantErr").asBoolean());
        }));
    }

    @TestFactory
    Stream<DynamicTest> consistencyProofs() throws IOException {
        return cases("consistency").stream().map(file -> DynamicTest.dynamicTest(VECTORS.relativize(file).toString(), () -> {
            JsonNode c = JSON.readTree(file.toFile());
            boolean holds = Merkle.verifyConsistency(c.get("size1").bigIntegerValue().longValue(), c.get("size2").bigIntegerValue().longValue(),
                    b64(c.get("root1")), b64(c.get("root2")), proof(c.get("proof")));
            assertThat(holds).as(c.get("desc").asString()).isEqualTo(!c.get("wantErr").asBoolean());
        }));
    }
}
