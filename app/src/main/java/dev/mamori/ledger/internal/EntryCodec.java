package dev.mamori.ledger.internal;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.mamori.ledger.Actor;
import dev.mamori.ledger.Subject;
import dev.mamori.ledger.verify.Jcs;
import dev.mamori.ledger.verify.Merkle;

/**
 * The bytes of a ledger entry that its Merkle leaf hash covers: the RFC 8785 canonical JSON of
 * {@code {seq, recordedAt, actor{kind, accountId, username, personId}, action, subject{type, id}, details}},
 * with {@code recordedAt} as an ISO-8601 instant in UTC at microsecond precision. Anyone holding the
 * entry can recompute it.
 */
public final class EntryCodec {

    private EntryCodec() {
    }

    public static Map<String, Object> tree(long seq, Instant recordedAt, Actor actor, String action, Subject subject,
                                           Object details) {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("kind", actor.kind().name());
        a.put("accountId", actor.accountId());
        a.put("username", actor.username());
        a.put("personId", actor.personId());
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("type", subject.type());
        s.put("id", subject.id());
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("seq", seq);
        m.put("recordedAt", recordedAt.toString());
        m.put("actor", a);
        m.put("action", action);
        m.put("subject", s);
        m.put("details", details == null ? Map.of() : details);
        return m;
    }

    public static String canonical(long seq, Instant recordedAt, Actor actor, String action, Subject subject, Object details) {
        return Jcs.canonical(tree(seq, recordedAt, actor, action, subject, details));
    }

    public static byte[] leafHash(String canonical) {
        return Merkle.leafHash(canonical.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
