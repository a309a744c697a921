package dev.mamori.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

import dev.mamori.ledger.internal.Checkpoints;
import dev.mamori.ledger.internal.Timestamps;
import dev.mamori.ledger.verify.TimestampCheck;
import dev.mamori.support.MamoriTest;

/**
 * Every checkpoint is time-stamped (RFC 3161) by the built-in TSA when no external one is configured, and
 * the stamp verifies with the real {@code openssl ts -verify} and with the independent verifier's code.
 */
@MamoriTest
class CheckpointTimestampTests {

    @Autowired Ledger ledger;
    @Autowired Checkpoints checkpoints;
    @Autowired Timestamps timestamps;
    @Autowired org.springframework.test.web.servlet.MockMvc mvc;
    @Autowired dev.mamori.support.TestUsers users;

    @Test
    void theApiShowsEachCheckpointsStampAndThatTheBuiltInTsaIsNotAccredited() throws Exception {
        ledger.record("test.stamp.recorded", Subject.of("stamp", UUID.randomUUID().toString()), Map.of());
        Checkpoints.Checkpoint checkpoint = checkpoints.create();
        String body = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/v1/ledger/checkpoints")
                        .with(dev.mamori.support.TestUsers.as(users.create(dev.mamori.platform.Role.AUDITOR))))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        var json = tools.jackson.databind.json.JsonMapper.builder().build().readTree(body);
        var item = java.util.stream.StreamSupport.stream(json.spliterator(), false)
                .filter(n -> n.get("treeSize").asLong() == checkpoint.treeSize()).findFirst().orElseThrow();
        var stamp = item.get("timestamp");
        assertThat(stamp.get("builtInTsa").asBoolean()).isTrue();
        assertThat(stamp.get("notice").asString()).contains("NOT an accredited third party");
        byte[] response = java.util.Base64.getDecoder().decode(stamp.get("response").asString());
        assertThat(TimestampCheck.check(response, checkpoint.note().getBytes(StandardCharsets.UTF_8),
                timestamps.trustAnchors()).holds()).isTrue();
    }

    @Test
    void aCheckpointsStampVerifiesWithOpensslAgainstTheBuiltInCa(@TempDir Path dir) throws Exception {
        ledger.record("test.stamp.recorded", Subject.of("stamp", UUID.randomUUID().toString()), Map.of());
        Checkpoints.Checkpoint checkpoint = checkpoints.create();
        Timestamps.Stamp stamp = timestamps.of(checkpoint.id()).orElseThrow();
        assertThat(stamp.builtIn()).isTrue();
        assertThat(timestamps.builtIn()).isTrue();

        Path data = Files.write(dir.resolve("checkpoint.note"), checkpoint.note().getBytes(StandardCharsets.UTF_8));
        Path tsr = Files.write(dir.resolve("checkpoint.tsr"), stamp.response());
        Path ca = dir.resolve("ca.pem");
        Files.writeString(ca, pem(timestamps.trustAnchors().get(0).getEncoded()));

        Process openssl = new ProcessBuilder("openssl", "ts", "-verify", "-data", data.toString(), "-in", tsr.toString(),
                "-CAfile", ca.toString()).redirectErrorStream(true).start();
        String output = new String(openssl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(openssl.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(openssl.exitValue()).as(output).isZero();
        assertThat(output).contains("Verification: OK");

        TimestampCheck.Result java = TimestampCheck.check(stamp.response(), Files.readAllBytes(data), timestamps.trustAnchors());
        assertThat(java.holds()).as(java.problemEn()).isTrue();
        assertThat(java.genTime().toInstant()).isEqualTo(stamp.genTime());
        assertThat(java.tsaSubject()).contains("NOT an accredited TSA");
    }

    @Test
    void aStampDoesNotVerifyOverOtherData(@TempDir Path dir) throws Exception {
        ledger.record("test.stamp.recorded", Subject.of("stamp", UUID.randomUUID().toString()), Map.of());
        Checkpoints.Checkpoint checkpoint = checkpoints.create();
        Timestamps.Stamp stamp = timestamps.of(checkpoint.id()).orElseThrow();
        byte[] other = (checkpoint.note() + " ").getBytes(StandardCharsets.UTF_8);

        TimestampCheck.Result java = TimestampCheck.check(stamp.response(), other, timestamps.trustAnchors());
        assertThat(java.holds()).isFalse();
        assertThat(java.problemEn()).contains("imprint");

        Path data = Files.write(dir.resolve("other.note"), other);
        Path tsr = Files.write(dir.resolve("checkpoint.tsr"), stamp.response());
        Path ca = dir.resolve("ca.pem");
        Files.writeString(ca, pem(timestamps.trustAnchors().get(0).getEncoded()));
        Process openssl = new ProcessBuilder("openssl", "ts", "-verify", "-data", data.toString(), "-in", tsr.toString(),
                "-CAfile", ca.toString()).redirectErrorStream(true).start();
        openssl.getInputStream().readAllBytes();
        assertThat(openssl.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(openssl.exitValue()).isNotZero();
    }

    static String pem(byte[] der) {
        return "-----BEGIN CERTIFICATE-----\n"
                + java.util.Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END CERTIFICATE-----\n";
    }
}
