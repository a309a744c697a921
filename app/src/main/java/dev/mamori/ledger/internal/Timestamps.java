package dev.mamori.ledger.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.bouncycastle.tsp.TimeStampResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.mamori.ledger.verify.TimestampCheck;

/**
 * RFC 3161 time-stamps of checkpoints. The data stamped is the checkpoint's whole signed note as stored
 * (UTF-8 bytes: body, blank line, signature lines), so a stamp covers the size, the root and the signature.
 * The TSA is the one at {@code mamori.ledger.tsa-url} when set, otherwise Mamori's built-in TSA (see
 * {@link BuiltInTsa}: not an accredited third party). A checkpoint whose stamp failed is retried every minute.
 */
@Service
public class Timestamps {

    private static final Logger log = LoggerFactory.getLogger(Timestamps.class);

    /** A checkpoint's stamp: the TimeStampResp DER, its time, and the external TSA's URL (null: built-in). */
    public record Stamp(long checkpointId, byte[] response, Instant genTime, String tsaUrl) {

        public boolean builtIn() {
            return tsaUrl == null;
        }
    }

    private final JdbcClient jdbc;
    private final TimestampAuthority authority;

    Timestamps(JdbcClient jdbc, @Value("${mamori.data-dir:./data}") Path dataDir,
               @Value("${mamori.ledger.tsa-url:}") String tsaUrl, @Value("${mamori.ledger.tsa-ca-file:}") String tsaCaFile,
               ObjectProvider<Clock> clock) {
        this.jdbc = jdbc;
        this.authority = tsaUrl.isBlank()
                ? new BuiltInTsa(dataDir.resolve("ledger").resolve("tsa"), clock.getIfAvailable(Clock::systemUTC))
                : new ExternalTsa(URI.create(tsaUrl.strip()), anchors(tsaCaFile));
    }

    private static List<X509Certificate> anchors(String file) {
        if (file.isBlank()) {
            return List.of();
        }
        try {
            return TimestampCheck.certificates(Files.readAllBytes(Path.of(file.strip())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("mamori.ledger.tsa-ca-file holds no certificate", e);
        }
    }

    public boolean builtIn() {
        return authority.builtIn();
    }

    public String tsaUrl() {
        return authority.url();
    }

    /** The CA certificates that the stamps verify against (empty for an external TSA without tsa-ca-file). */
    public List<X509Certificate> trustAnchors() {
        return authority.trustAnchors();
    }

    /** The built-in TSA's own certificate, when the built-in TSA is in use. */
    public Optional<X509Certificate> builtInTsaCertificate() {
        return authority instanceof BuiltInTsa b ? Optional.of(b.tsaCertificate()) : Optional.empty();
    }

    /** Stamps the checkpoint's note unless it already has a stamp; empty when the TSA could not be reached. */
    public Optional<Stamp> stamp(Checkpoints.Checkpoint checkpoint) {
        Optional<Stamp> existing = of(checkpoint.id());
        if (existing.isPresent()) {
            return existing;
        }
        try {
            byte[] response = authority.stamp(checkpoint.note().getBytes(StandardCharsets.UTF_8));
            Instant genTime = new TimeStampResponse(response).getTimeStampToken().getTimeStampInfo().getGenTime().toInstant();
            jdbc.sql("insert into ledger.checkpoint_timestamp (checkpoint_id, response, gen_time, tsa_url) "
                            + "values (?, ?, ?, ?) on conflict (checkpoint_id) do nothing")
                    .params(checkpoint.id(), response, Timestamp.from(genTime), authority.url()).update();
            return of(checkpoint.id());
        } catch (Exception e) {
            log.warn("Could not time-stamp checkpoint {} (will retry): {}", checkpoint.treeSize(), e.toString());
            return Optional.empty();
        }
    }

    @Transactional(readOnly = true)
    public Optional<Stamp> of(long checkpointId) {
        return jdbc.sql("select * from ledger.checkpoint_timestamp where checkpoint_id = ?").param(checkpointId)
                .query((rs, n) -> new Stamp(rs.getLong("checkpoint_id"), rs.getBytes("response"),
                        rs.getTimestamp("gen_time").toInstant(), rs.getString("tsa_url")))
                .optional();
    }

    /** Stamps checkpoints that are still without one (an external TSA was out of reach). */
    @Scheduled(fixedDelayString = "${mamori.ledger.tsa-retry:60s}", initialDelayString = "${mamori.ledger.tsa-retry:60s}")
    public void stampMissing() {
        try {
            List<Checkpoints.Checkpoint> missing = jdbc.sql("""
                            select c.* from ledger.checkpoint c
                            where not exists (select 1 from ledger.checkpoint_timestamp t where t.checkpoint_id = c.id)
                            order by c.tree_size limit 20""")
                    .query(Checkpoints::map).list();
            for (Checkpoints.Checkpoint c : missing) {
                if (stamp(c).isEmpty()) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            log.warn("Could not retry time-stamps: {}", e.toString());
        }
    }
}
