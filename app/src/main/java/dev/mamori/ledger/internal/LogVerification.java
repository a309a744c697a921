package dev.mamori.ledger.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

import dev.mamori.ledger.LedgerEntry;
import dev.mamori.ledger.verify.Merkle;
import dev.mamori.ledger.verify.SignedNote;

/**
 * "Verify the whole log now": reads every entry in sequence order, checks that sequence numbers have no gaps,
 * recomputes each entry's canonical bytes from its fields and its leaf hash from those bytes, recomputes the root
 * of the latest checkpoint's tree from the recomputed leaves and checks the checkpoint's signature. Runs in the
 * background, one run at a time; {@link #progress()} reports how far it got.
 */
@Service
public class LogVerification implements DisposableBean {

    private static final int BATCH = 5_000;
    private static final int MAX_REPORTED = 20;

    public enum State { IDLE, RUNNING, PASSED, FAILED }

    /** How far a run got; {@code problems} are the first entries (seq) that do not hold. */
    public record Progress(State state, long checked, long total, long checkpointSize, boolean rootMatches,
                           boolean signatureValid, List<Long> problems, Instant startedAt, Instant finishedAt) {

        public boolean running() {
            return state == State.RUNNING;
        }

        public int percent() {
            return total == 0 ? 100 : (int) Math.min(100, checked * 100 / total);
        }
    }

    /** Per-entry status shown on the audit trail page. */
    public enum EntryStatus { VERIFIED, PENDING, MISMATCH }

    private final JdbcTemplate jdbc;
    private final JdbcLedger ledger;
    private final Checkpoints checkpoints;
    private final JsonMapper json;
    private final Clock clock;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "ledger-verification");
        t.setDaemon(true);
        return t;
    });
    private volatile Progress progress = new Progress(State.IDLE, 0, 0, 0, false, false, List.of(), null, null);
    private CompletableFuture<Progress> current = CompletableFuture.completedFuture(progress);

    LogVerification(JdbcTemplate jdbc, JdbcLedger ledger, Checkpoints checkpoints, JsonMapper json, ObjectProvider<Clock> clock) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.checkpoints = checkpoints;
        this.json = json;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
    }

    public Progress progress() {
        return progress;
    }

    /** Starts a run unless one is running; returns the run's outcome when it finishes. */
    public synchronized CompletableFuture<Progress> start() {
        if (progress.running()) {
            return current;
        }
        progress = new Progress(State.RUNNING, 0, ledger.size(), 0, false, false, List.of(), clock.instant(), null);
        current = CompletableFuture.supplyAsync(this::run, executor);
        return current;
    }

    private Progress run() {
        Instant started = progress.startedAt();
        try {
            Checkpoints.Checkpoint checkpoint = checkpoints.latest().orElseGet(checkpoints::create);
            boolean signed = SignedNote.verify(checkpoint.note(), checkpoints.verifierKey()) != null;
            long total = Math.max(ledger.size(), checkpoint.treeSize());
            Merkle.RootBuilder root = new Merkle.RootBuilder();
            List<Long> problems = new ArrayList<>();
            long expected = 1;
            byte[] checkpointRoot = null;
            while (expected <= total) {
                List<LedgerEntry> batch = jdbc.query("select * from ledger.entry where seq >= ? order by seq limit ?",
                        JdbcLedger::mapEntry, expected, BATCH);
                if (batch.isEmpty()) {
                    break;
                }
                for (LedgerEntry e : batch) {
                    while (expected < e.seq()) { // a gap: the missing numbers do not hold
                        report(problems, expected++);
                    }
                    byte[] leaf = Merkle.leafHash(e.canonical().getBytes(StandardCharsets.UTF_8));
                    if (!holds(e, leaf)) {
                        report(problems, e.seq());
                    }
                    if (e.seq() <= checkpoint.treeSize()) {
                        root.add(leaf);
                        if (e.seq() == checkpoint.treeSize()) {
                            checkpointRoot = root.root();
                        }
                    }
                    expected = e.seq() + 1;
                }
                progress = new Progress(State.RUNNING, expected - 1, total, checkpoint.treeSize(), false, signed,
                        List.copyOf(problems), started, null);
            }
            if (checkpoint.treeSize() == 0) {
                checkpointRoot = Merkle.emptyRoot();
            }
            boolean rootMatches = checkpointRoot != null && java.util.Arrays.equals(checkpointRoot, checkpoint.rootHash());
            boolean passed = rootMatches && signed && problems.isEmpty();
            progress = new Progress(passed ? State.PASSED : State.FAILED, expected - 1, total, checkpoint.treeSize(),
                    rootMatches, signed, List.copyOf(problems), started, clock.instant());
        } catch (RuntimeException e) {
            progress = new Progress(State.FAILED, progress.checked(), progress.total(), 0, false, false,
                    progress.problems(), started, clock.instant());
        }
        return progress;
    }

    private static void report(List<Long> problems, long seq) {
        if (problems.size() < MAX_REPORTED) {
            problems.add(seq);
        }
    }

    /** The entry's canonical bytes follow from its fields and its stored leaf hash from those bytes. */
    private boolean holds(LedgerEntry e, byte[] recomputedLeaf) {
        try {
            Object details = json.readValue(e.detailsJson(), Object.class);
            String canonical = EntryCodec.canonical(e.seq(), e.recordedAt(), e.actor(), e.action(), e.subject(), details);
            return canonical.equals(e.canonical()) && HexFormat.of().formatHex(recomputedLeaf).equals(e.leafHash());
        } catch (RuntimeException ex) {
            return false;
        }
    }

    /** The status of each shown entry: its bytes and hash recompute, and a checkpoint covers it. */
    public Map<Long, EntryStatus> statusOf(List<LedgerEntry> entries, long checkpointSize) {
        Map<Long, EntryStatus> out = new HashMap<>();
        for (LedgerEntry e : entries) {
            boolean ok = holds(e, Merkle.leafHash(e.canonical().getBytes(StandardCharsets.UTF_8)));
            out.put(e.seq(), !ok ? EntryStatus.MISMATCH : e.seq() <= checkpointSize ? EntryStatus.VERIFIED : EntryStatus.PENDING);
        }
        return out;
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
