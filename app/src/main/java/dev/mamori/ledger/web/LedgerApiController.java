package dev.mamori.ledger.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.mamori.ledger.Ledger;
import dev.mamori.ledger.LedgerEntry;
import dev.mamori.ledger.LedgerQuery;
import dev.mamori.ledger.internal.Checkpoints;
import dev.mamori.ledger.internal.Proofs;
import dev.mamori.ledger.internal.Timestamps;

/**
 * The ledger over the API: entries with their canonical bytes and leaf hashes, signed checkpoints,
 * inclusion and consistency proofs, and the checkpoint verifier key. Hashes are hex.
 */
@RestController
@RequestMapping("/api/v1/ledger")
@PreAuthorize("hasAnyRole('AUDITOR','SYSTEM_ADMIN','CHIEF_OFFICER','COMMITTEE','IT_SECURITY')")
class LedgerApiController {

    private static final HexFormat HEX = HexFormat.of();

    private final Ledger ledger;
    private final Checkpoints checkpoints;
    private final Proofs proofs;
    private final Timestamps timestamps;
    private final MessageSource messages;

    LedgerApiController(Ledger ledger, Checkpoints checkpoints, Proofs proofs, Timestamps timestamps, MessageSource messages) {
        this.ledger = ledger;
        this.checkpoints = checkpoints;
        this.proofs = proofs;
        this.timestamps = timestamps;
        this.messages = messages;
    }

    record EntryJson(long seq, long leafIndex, Instant recordedAt, String actorKind, Long actorAccountId,
                     String actorUsername, Long actorPersonId, String action, String subjectType, String subjectId,
                     String details, String canonical, String leafHash) {
        static EntryJson of(LedgerEntry e) {
            return new EntryJson(e.seq(), e.leafIndex(), e.recordedAt(), e.actor().kind().name(), e.actor().accountId(),
                    e.actor().username(), e.actor().personId(), e.action(), e.subject().type(), e.subject().id(),
                    e.detailsJson(), e.canonical(), e.leafHash());
        }
    }

    record EntryPage(List<EntryJson> items, long total, int page, int size) {
    }

    /**
     * A checkpoint's RFC 3161 time-stamp: the TimeStampResp (DER) in base64 over the checkpoint's whole note.
     * {@code builtInTsa} true means Mamori's own TSA, which is NOT an accredited third party.
     */
    record TimestampJson(Instant genTime, boolean builtInTsa, String tsaUrl, String notice, String response) {
        static TimestampJson of(Timestamps.Stamp s) {
            return new TimestampJson(s.genTime(), s.builtIn(), s.tsaUrl(), s.builtIn()
                    ? "Mamori built-in TSA: NOT an accredited third party / Mamori 内蔵TSA: 認定された第三者ではありません"
                    : "external TSA / 外部のタイムスタンプ局", java.util.Base64.getEncoder().encodeToString(s.response()));
        }
    }

    record CheckpointJson(long id, long treeSize, String rootHash, String note, Instant createdAt, TimestampJson timestamp) {
    }

    private CheckpointJson json(Checkpoints.Checkpoint c) {
        return new CheckpointJson(c.id(), c.treeSize(), HEX.formatHex(c.rootHash()), c.note(), c.createdAt(),
                timestamps.of(c.id()).map(TimestampJson::of).orElse(null));
    }

    record InclusionJson(long leafIndex, long treeSize, String leafHash, List<String> proof, String root) {
    }

    record ConsistencyJson(long size1, long size2, String root1, String root2, List<String> proof) {
    }

    record KeyJson(String origin, String verifierKey) {
    }

    @GetMapping("/entries")
    @PreAuthorize("hasAnyRole('AUDITOR','CHIEF_OFFICER','COMMITTEE')") // entries name what they are about
    EntryPage entries(@RequestParam(required = false) String subjectType, @RequestParam(required = false) String subjectId,
                      @RequestParam(required = false) String actor, @RequestParam(required = false) String action,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        var result = ledger.search(new LedgerQuery(subjectType, subjectId, actor, action, from, to), page, size);
        return new EntryPage(result.entries().stream().map(EntryJson::of).toList(), result.total(), result.page(),
                result.size());
    }

    @GetMapping("/checkpoints")
    List<CheckpointJson> checkpoints(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return checkpoints.list(Math.max(page, 0), Math.min(Math.max(size, 1), 500)).stream().map(this::json).toList();
    }

    @GetMapping("/checkpoints/latest")
    ResponseEntity<CheckpointJson> latest() {
        return ResponseEntity.of(checkpoints.latest().map(this::json));
    }

    @PostMapping("/checkpoints")
    @PreAuthorize("hasAnyRole('AUDITOR','SYSTEM_ADMIN')")
    CheckpointJson checkpointNow() {
        return json(checkpoints.create());
    }

    @GetMapping("/key")
    KeyJson key() {
        return new KeyJson(checkpoints.origin(), checkpoints.verifierKey());
    }

    @GetMapping("/proofs/inclusion")
    InclusionJson inclusion(@RequestParam long seq, @RequestParam(defaultValue = "0") long treeSize) {
        Proofs.Inclusion p = proofs.inclusion(seq, treeSize);
        return new InclusionJson(p.leafIndex(), p.treeSize(), HEX.formatHex(p.leafHash()),
                p.proof().stream().map(HEX::formatHex).toList(), HEX.formatHex(p.root()));
    }

    @GetMapping("/proofs/consistency")
    ConsistencyJson consistency(@RequestParam long size1, @RequestParam long size2) {
        Proofs.Consistency p = proofs.consistency(size1, size2);
        return new ConsistencyJson(p.size1(), p.size2(), HEX.formatHex(p.root1()), HEX.formatHex(p.root2()),
                p.proof().stream().map(HEX::formatHex).toList());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> invalid(IllegalArgumentException e) {
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.BAD_REQUEST);
        problem.setDetail(messages.getMessage("ledger.proof.invalid", null, LocaleContextHolder.getLocale()));
        problem.setProperty("detail_ja", messages.getMessage("ledger.proof.invalid", null, Locale.JAPANESE));
        problem.setProperty("detail_en", messages.getMessage("ledger.proof.invalid", null, Locale.ENGLISH));
        return ResponseEntity.badRequest().body(problem);
    }
}
