package dev.mamori.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import dev.mamori.ledger.verify.BundleVerifier;
import dev.mamori.platform.Role;
import dev.mamori.support.MamoriTest;
import dev.mamori.support.TestUsers;

/**
 * Evidence bundles exported over the API verify with the independent verifier (its CLI, in a child JVM), fail
 * with the right message when one byte of an entry, a proof, a checkpoint or a time-stamp is changed, and
 * exporting is itself recorded.
 */
@MamoriTest
class EvidenceBundleTests {

    @Autowired Ledger ledger;
    @Autowired MockMvc mvc;
    @Autowired TestUsers users;

    String subjectId;

    MvcResult export(Role role, String body) throws Exception {
        String token = users.token(users.create(role));
        return mvc.perform(post("/api/v1/ledger/bundles").header("Authorization", TestUsers.bearer(token))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andReturn();
    }

    byte[] bundleOfThreeEntries() throws Exception {
        subjectId = UUID.randomUUID().toString();
        for (int i = 0; i < 3; i++) {
            ledger.record("test.bundle.recorded", Subject.of("bundle", subjectId), Map.of("i", i, "name", "図面 " + i));
        }
        MvcResult result = export(Role.AUDITOR, "{\"subjectType\":\"bundle\",\"subjectId\":\"" + subjectId + "\"}");
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        assertThat(result.getResponse().getContentType()).isEqualTo("application/zip");
        return result.getResponse().getContentAsByteArray();
    }

    record Run(int exit, String output) {
    }

    /**
     * Runs {@code java -jar mamori-verify.jar verify-bundle} in a child JVM, as a user would: the shaded jar the
     * verify module built (in a full build it is there), otherwise the same main class from the test class path.
     */
    static Run verifyBundle(Path dir, byte[] zip, String... extra) throws Exception {
        Path file = Files.write(dir.resolve("bundle-" + UUID.randomUUID() + ".zip"), zip);
        Path jar = Path.of("..", "verify", "target", "mamori-verify.jar");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(Files.isRegularFile(jar)
                ? List.of(java, "-jar", jar.toString(), "verify-bundle", file.toString())
                : List.of(java, "-cp", System.getProperty("java.class.path"), "dev.mamori.ledger.verify.Main",
                        "verify-bundle", file.toString()));
        command.addAll(List.of(extra));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out);
    }

    @Test
    void anExportedBundleVerifiesWithTheIndependentVerifier(@TempDir Path dir) throws Exception {
        byte[] zip = bundleOfThreeEntries();
        Map<String, byte[]> files = BundleVerifier.unzip(zip);
        assertThat(files).containsKeys("README.md", "manifest.json", "verifier-key.txt", "entries.jsonl",
                "proofs/inclusion.jsonl", "proofs/consistency.jsonl", "tsa/ca.pem", "tsa/tsa.pem");
        assertThat(new String(files.get("entries.jsonl"), StandardCharsets.UTF_8).lines()).hasSize(3)
                .allMatch(l -> l.contains(subjectId));
        assertThat(new String(files.get("README.md"), StandardCharsets.UTF_8))
                .contains("openssl ts -verify", "sha256sum", "mamori-verify.jar verify-bundle", "認定された第三者ではなく");
        assertThat(files.keySet()).anyMatch(n -> n.endsWith(".tsr"));

        Run run = verifyBundle(dir, zip);
        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output()).contains("VERDICT: VERIFIED", "結論: すべての検証に成功しました",
                "the RFC 3161 time-stamp verifies", "NOT an accredited third party");
        assertThat(run.output()).doesNotContain("[NG]");

        String key = new String(files.get("verifier-key.txt"), StandardCharsets.UTF_8).strip();
        assertThat(verifyBundle(dir, zip, "--key", key).exit()).isZero();
    }

    @Test
    void aBundleFailsAgainstAKeyTheUserTrustsWhenItIsAnotherKey(@TempDir Path dir) throws Exception {
        byte[] zip = bundleOfThreeEntries();
        String other = dev.mamori.ledger.verify.SignedNote.verifierKey("mamori/ledger", new byte[32]);
        Run run = verifyBundle(dir, zip, "--key", other);
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.output()).contains("is NOT the key you trust", "VERDICT: FAILED");
    }

    @Test
    void exportingABundleIsRecordedInTheLedger() throws Exception {
        subjectId = UUID.randomUUID().toString();
        ledger.record("test.bundle.recorded", Subject.of("bundle", subjectId), Map.of());
        MvcResult result = export(Role.LEGAL, "{\"subjectType\":\"bundle\",\"subjectId\":\"" + subjectId + "\"}");
        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        String bundleId = result.getResponse().getHeader("X-Mamori-Bundle-Id");
        List<LedgerEntry> history = ledger.historyOf(Subject.of("ledger-bundle", bundleId));
        assertThat(history).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("ledger.bundle.exported");
            assertThat(e.detailsJson()).contains(subjectId).contains("\"entries\": 1");
        });
    }

    @Test
    void aChangedByteInAnEntryFailsTheBundle(@TempDir Path dir) throws Exception {
        byte[] zip = bundleOfThreeEntries();
        Run run = verifyBundle(dir, rewrite(zip, "entries.jsonl", s -> s.replaceFirst("図面 1", "図面 7")));
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.output()).contains("its leaf hash does not match the inclusion proof", "VERDICT: FAILED");
    }

    @Test
    void aChangedByteInAProofFailsTheBundle(@TempDir Path dir) throws Exception {
        byte[] zip = bundleOfThreeEntries();
        Run run = verifyBundle(dir, rewrite(zip, "proofs/inclusion.jsonl", s -> flipHexAfter(s, "\"proof\":[\"")));
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.output()).contains("the inclusion proof does NOT lead to the checkpoint's root");
    }

    @Test
    void aChangedByteInACheckpointFailsTheBundle(@TempDir Path dir) throws Exception {
        byte[] zip = bundleOfThreeEntries();
        String latest = latestNote(zip);
        // change one character of the root hash line (line 3)
        Run run = verifyBundle(dir, rewrite(zip, latest, s -> {
            String[] lines = s.split("\n", -1);
            char c = lines[2].charAt(0);
            lines[2] = (c == 'A' ? 'B' : 'A') + lines[2].substring(1);
            return String.join("\n", lines);
        }));
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.output()).contains("the signature does NOT verify");
    }

    @Test
    void aChangedByteInATimeStampFailsTheBundle(@TempDir Path dir) throws Exception {
        byte[] zip = bundleOfThreeEntries();
        String tsr = latestNote(zip).replace(".note", ".tsr");
        Map<String, byte[]> files = BundleVerifier.unzip(zip);
        byte[] token = files.get(tsr).clone();
        token[token.length - 10] ^= 0x01; // inside the signature value at the end of the token
        files.put(tsr, token);
        Run run = verifyBundle(dir, zip(files));
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.output()).contains("time-stamp", "[NG]").doesNotContain("VERDICT: VERIFIED");
    }

    @Test
    void badInputExitsWithTwo(@TempDir Path dir) throws Exception {
        Run run = verifyBundle(dir, "not a zip".getBytes(StandardCharsets.UTF_8));
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.output()).contains("bad input");
    }

    @Test
    void aFilterMatchingNothingIsRefusedInBothLanguages() throws Exception {
        String token = users.token(users.create(Role.CHIEF_OFFICER));
        mvc.perform(post("/api/v1/ledger/bundles").header("Authorization", TestUsers.bearer(token))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"subjectId\":\"" + UUID.randomUUID() + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail_ja").value(org.hamcrest.Matchers.containsString("条件に合う記録がありません")))
                .andExpect(jsonPath("$.detail_en").value(org.hamcrest.Matchers.containsString("No entries match")));
    }

    @Test
    void onlyAuditorsAdministratorsLegalAndChiefOfficersMayExport() throws Exception {
        mvc.perform(post("/api/v1/ledger/bundles").contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isUnauthorized());
        for (Role role : List.of(Role.EMPLOYEE, Role.COMMITTEE, Role.IT_SECURITY)) {
            assertThat(export(role, "{}").getResponse().getStatus()).as(role.name()).isEqualTo(403);
        }
    }

    static String latestNote(byte[] zip) throws Exception {
        Map<String, byte[]> files = BundleVerifier.unzip(zip);
        String manifest = new String(files.get("manifest.json"), StandardCharsets.UTF_8);
        long size = (Long) dev.mamori.ledger.verify.Json.object(manifest).get("treeSize");
        return "checkpoints/" + size + ".note";
    }

    static String flipHexAfter(String s, String marker) {
        int i = s.indexOf(marker) + marker.length();
        char c = s.charAt(i);
        return s.substring(0, i) + (c == '0' ? '1' : '0') + s.substring(i + 1);
    }

    static byte[] rewrite(byte[] zip, String name, UnaryOperator<String> change) throws Exception {
        Map<String, byte[]> files = BundleVerifier.unzip(zip);
        String before = new String(files.get(name), StandardCharsets.UTF_8);
        String after = change.apply(before);
        assertThat(after).isNotEqualTo(before);
        files.put(name, after.getBytes(StandardCharsets.UTF_8));
        return zip(files);
    }

    static byte[] zip(Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(out)) {
            for (var e : files.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                z.write(e.getValue());
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }
}
