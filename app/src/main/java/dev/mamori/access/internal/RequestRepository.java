package dev.mamori.access.internal;

import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.mamori.access.AccessLevel;
import dev.mamori.access.AccessRequest;
import dev.mamori.access.Delegation;
import dev.mamori.access.RequestDraft;
import dev.mamori.access.RequestKind;
import dev.mamori.policy.Location;
import dev.mamori.policy.Medium;
import dev.mamori.policy.Obligation;
import dev.mamori.policy.Recipient;

/** Requests, their steps, approvers' delegations and the entries' review dates. */
@Repository
public class RequestRepository {

    private final JdbcClient jdbc;

    RequestRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(RequestDraft d, long requester, String levelCode, int approvalsNeeded, Set<Obligation> obligations) {
        return jdbc.sql("""
                        insert into access.request (kind, asset_id, requester_person_id, access_level, medium, location,
                            recipient, recipient_name, reason, until_on, level_code, approvals_needed, obligations)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as text[])) returning id""")
                .params(d.kind().name(), d.assetId(), requester, d.level() == null ? null : d.level().name(),
                        d.medium().name(), d.location().name(), d.recipient().name(), d.recipientName(), d.reason(),
                        d.untilOn() == null ? null : Date.valueOf(d.untilOn()), levelCode, approvalsNeeded,
                        obligations.stream().map(Enum::name).sorted().toArray(String[]::new))
                .query(Long.class).single();
    }

    public Optional<AccessRequest> findById(long id) {
        return withSteps(jdbc.sql("select * from access.request where id = ?").param(id).query(this::map).list())
                .stream().findFirst();
    }

    /**
     * The request, its row locked until the transaction ends: deciding it (approve, reject, withdraw) reads and
     * changes it under this lock, so two decisions on the same request take turns.
     */
    public Optional<AccessRequest> lock(long id) {
        return withSteps(jdbc.sql("select * from access.request where id = ? for update").param(id).query(this::map).list())
                .stream().findFirst();
    }

    public List<AccessRequest> ofRequester(long personId) {
        return withSteps(jdbc.sql("select * from access.request where requester_person_id = ? order by id desc limit 200")
                .param(personId).query(this::map).list());
    }

    public List<AccessRequest> pending() {
        return withSteps(jdbc.sql("select * from access.request where status = 'PENDING' order by id").query(this::map).list());
    }

    public void addStep(long requestId, long personId, Long onBehalfOf, String decision, String note) {
        jdbc.sql("insert into access.request_step (request_id, person_id, on_behalf_of_person_id, decision, note) values (?, ?, ?, ?, ?)")
                .params(requestId, personId, onBehalfOf, decision, note).update();
    }

    /** Approves a pending request that lets its requester act until {@code approvedUntil} (false: not pending). */
    public boolean approveUntil(long id, java.time.Instant approvedUntil) {
        return jdbc.sql("""
                        update access.request set status = 'APPROVED', decided_at = now(), approved_until = ?
                        where id = ? and status = 'PENDING'""")
                .params(GrantRepository.ts(approvedUntil), id).update() == 1;
    }

    /** Approved requests (other than ACCESS) whose approval lasts beyond the moment, for the index. */
    public List<AccessRequest> approvedBeyond(java.time.Instant at) {
        return jdbc.sql("select * from access.request where status = 'APPROVED' and approved_until > ? order by id")
                .param(GrantRepository.ts(at)).query(this::map).list();
    }

    /**
     * Takes back an approval that is still running (REVOKED, {@code approved_until} moved to now); false when the
     * request is not approved or its approval has already run out.
     */
    public boolean revokeApproval(long id) {
        return jdbc.sql("""
                        update access.request set status = 'REVOKED', approved_until = now()
                        where id = ? and status = 'APPROVED' and approved_until > now()""")
                .param(id).update() == 1;
    }

    /** The approvals still running on the entry (other kinds than ACCESS), oldest first. */
    public List<AccessRequest> runningApprovalsOf(long assetId, java.time.Instant at) {
        return withSteps(jdbc.sql("""
                        select * from access.request where asset_id = ? and status = 'APPROVED' and approved_until > ?
                        order by id""")
                .params(assetId, GrantRepository.ts(at)).query(this::map).list());
    }

    public boolean decide(long id, AccessRequest.Status status, Long grantId) {
        return jdbc.sql("update access.request set status = ?, grant_id = ?, decided_at = now() where id = ? and status = 'PENDING'")
                .params(status.name(), grantId, id).update() == 1;
    }

    /** Raises the approvals a pending request needs (its entry moved to the highest level, four-eyes on). */
    public void requireApprovals(long id, int approvalsNeeded) {
        jdbc.sql("update access.request set approvals_needed = ? where id = ? and status = 'PENDING'")
                .params(approvalsNeeded, id).update();
    }

    public List<Long> pendingOf(long personId) {
        return jdbc.sql("select id from access.request where requester_person_id = ? and status = 'PENDING'")
                .param(personId).query(Long.class).list();
    }

    /** Pending requests on the given entries, with their steps, oldest first. */
    public List<AccessRequest> pendingOnEntries(java.util.Collection<Long> assetIds) {
        if (assetIds.isEmpty()) {
            return List.of();
        }
        return withSteps(jdbc.sql("select * from access.request where status = 'PENDING' and asset_id in (:ids) order by id")
                .param("ids", assetIds).query(this::map).list());
    }

    // ---------------------------------------------------------------- delegations

    /** Delegations given by or to the person that are not revoked and not over on the day (current or future). */
    public List<Delegation> liveDelegationsOf(long personId, LocalDate day) {
        return jdbc.sql("""
                        select * from access.delegation where (approver_person_id = ? or delegate_person_id = ?)
                        and revoked_at is null and ends_on >= ? order by id""")
                .params(personId, personId, Date.valueOf(day)).query(RequestRepository::delegation).list();
    }

    public long insertDelegation(long approver, long delegate, LocalDate from, LocalDate to) {
        return jdbc.sql("insert into access.delegation (approver_person_id, delegate_person_id, starts_on, ends_on) values (?, ?, ?, ?) returning id")
                .params(approver, delegate, Date.valueOf(from), Date.valueOf(to)).query(Long.class).single();
    }

    public Optional<Delegation> delegation(long id) {
        return jdbc.sql("select * from access.delegation where id = ?").param(id).query(RequestRepository::delegation).optional();
    }

    public boolean revokeDelegation(long id) {
        return jdbc.sql("update access.delegation set revoked_at = now() where id = ? and revoked_at is null").param(id).update() == 1;
    }

    /** Delegations given by or to the person, newest first. */
    public List<Delegation> delegationsOf(long personId) {
        return jdbc.sql("select * from access.delegation where approver_person_id = ? or delegate_person_id = ? order by id desc")
                .params(personId, personId).query(RequestRepository::delegation).list();
    }

    /** The approvers the person stands in for on the day. */
    public List<Long> delegatorsOf(long delegatePersonId, LocalDate day) {
        return jdbc.sql("""
                        select approver_person_id from access.delegation where delegate_person_id = ? and revoked_at is null
                        and starts_on <= ? and ends_on >= ?""")
                .params(delegatePersonId, Date.valueOf(day), Date.valueOf(day)).query(Long.class).list();
    }

    // ---------------------------------------------------------------- reviews

    /** The last review day of each of the entries that has one. */
    public Map<Long, LocalDate> lastReviews(long[] assetIds) {
        Map<Long, LocalDate> out = new HashMap<>();
        jdbc.sql("select asset_id, last_reviewed_on from access.entry_review where asset_id = any(cast(? as bigint[]))")
                .param(Arrays.stream(assetIds).boxed().toArray(Long[]::new)).query((rs, i) -> {
                    if (rs.getDate(2) != null) {
                        out.put(rs.getLong(1), rs.getDate(2).toLocalDate());
                    }
                    return null;
                }).list();
        return out;
    }

    public void reviewed(long assetId, LocalDate on, Long by) {
        reviewed(assetId, on, on.plusDays(1).atStartOfDay(java.time.ZoneId.of("Asia/Tokyo")).toInstant(), by);
    }

    /** Records a completed review: its day and its moment (grants confirmed after it count for the next one). */
    public void reviewed(long assetId, LocalDate on, Instant at, Long by) {
        jdbc.sql("""
                        insert into access.entry_review (asset_id, last_reviewed_on, last_reviewed_at, reviewed_by_person_id)
                        values (?, ?, ?, ?)
                        on conflict (asset_id) do update set last_reviewed_on = excluded.last_reviewed_on,
                            last_reviewed_at = excluded.last_reviewed_at,
                            reviewed_by_person_id = excluded.reviewed_by_person_id, escalated_on = null""")
                .params(assetId, Date.valueOf(on), GrantRepository.ts(at), by).update();
    }

    /** When each entry's last review was completed (entries never reviewed are absent). */
    public Map<Long, Instant> lastReviewTimes(long[] assetIds) {
        Map<Long, Instant> out = new HashMap<>();
        jdbc.sql("select asset_id, last_reviewed_at from access.entry_review where asset_id = any(cast(? as bigint[]))")
                .param(Arrays.stream(assetIds).boxed().toArray(Long[]::new)).query((rs, i) -> {
                    if (rs.getTimestamp(2) != null) {
                        out.put(rs.getLong(1), rs.getTimestamp(2).toInstant());
                    }
                    return null;
                }).list();
        return out;
    }

    /**
     * Entries with live grants whose review period began before {@code reviewedBefore} and that were not
     * escalated since it began: the asset id and the period's start — the last review, or the start of the oldest
     * live grant when that is later (grants issued after every earlier one ended start a new period).
     */
    public List<Object[]> overdueNotEscalated(LocalDate reviewedBefore) {
        return jdbc.sql("""
                        select g.asset_id, greatest(r.last_reviewed_on, min(g.starts_at at time zone 'Asia/Tokyo')::date) as since
                        from access.entry_grant g left join access.entry_review r on r.asset_id = g.asset_id
                        where g.ended_at is null
                        group by g.asset_id, r.last_reviewed_on, r.escalated_on
                        having greatest(r.last_reviewed_on, min(g.starts_at at time zone 'Asia/Tokyo')::date) < :before
                          and (r.escalated_on is null
                               or r.escalated_on < greatest(r.last_reviewed_on, min(g.starts_at at time zone 'Asia/Tokyo')::date))
                        order by g.asset_id""")
                .param("before", Date.valueOf(reviewedBefore))
                .query((rs, i) -> new Object[]{rs.getLong(1), rs.getDate(2).toLocalDate()}).list();
    }

    /** Notes the escalation of the entry's overdue review (no review date is made up when there was none). */
    public void escalated(long assetId, LocalDate on) {
        jdbc.sql("""
                        insert into access.entry_review (asset_id, escalated_on) values (?, ?)
                        on conflict (asset_id) do update set escalated_on = excluded.escalated_on""")
                .params(assetId, Date.valueOf(on)).update();
    }

    // ---------------------------------------------------------------- mapping

    private AccessRequest map(ResultSet rs, int row) throws SQLException {
        Array array = rs.getArray("obligations");
        Set<Obligation> obligations = EnumSet.noneOf(Obligation.class);
        for (Object o : (Object[]) array.getArray()) {
            obligations.add(Obligation.valueOf((String) o));
        }
        String level = rs.getString("access_level");
        Date until = rs.getDate("until_on");
        long grant = rs.getLong("grant_id");
        Long grantId = rs.wasNull() ? null : grant;
        return new AccessRequest(rs.getLong("id"), RequestKind.valueOf(rs.getString("kind")), rs.getLong("asset_id"),
                rs.getLong("requester_person_id"), level == null ? null : AccessLevel.valueOf(level),
                rs.getString("reason"), until == null ? null : until.toLocalDate(), rs.getString("level_code"),
                rs.getInt("approvals_needed"), obligations, AccessRequest.Status.valueOf(rs.getString("status")), grantId,
                GrantRepository.instant(rs, "created_at"), GrantRepository.instant(rs, "decided_at"),
                GrantRepository.instant(rs, "approved_until"), Medium.valueOf(rs.getString("medium")),
                Location.valueOf(rs.getString("location")), Recipient.valueOf(rs.getString("recipient")),
                rs.getString("recipient_name"), List.of());
    }

    private List<AccessRequest> withSteps(List<AccessRequest> requests) {
        if (requests.isEmpty()) {
            return requests;
        }
        Map<Long, List<AccessRequest.Step>> steps = new HashMap<>();
        jdbc.sql("select * from access.request_step where request_id = any(cast(? as bigint[])) order by id")
                .param(requests.stream().map(AccessRequest::id).toArray(Long[]::new)).query((rs, i) -> {
                    long by = rs.getLong("on_behalf_of_person_id");
                    Long behalf = rs.wasNull() ? null : by;
                    steps.computeIfAbsent(rs.getLong("request_id"), k -> new ArrayList<>()).add(new AccessRequest.Step(
                            rs.getLong("person_id"), behalf, rs.getString("decision"), rs.getString("note"),
                            GrantRepository.instant(rs, "at")));
                    return null;
                }).list();
        return requests.stream().map(r -> new AccessRequest(r.id(), r.kind(), r.assetId(), r.requesterPersonId(),
                r.level(), r.reason(), r.untilOn(), r.levelCode(), r.approvalsNeeded(), r.obligations(), r.status(),
                r.grantId(), r.createdAt(), r.decidedAt(), r.approvedUntil(), r.medium(), r.location(), r.recipient(),
                r.recipientName(), steps.getOrDefault(r.id(), List.of())))
                .toList();
    }

    private static Delegation delegation(ResultSet rs, int row) throws SQLException {
        return new Delegation(rs.getLong("id"), rs.getLong("approver_person_id"), rs.getLong("delegate_person_id"),
                rs.getDate("starts_on").toLocalDate(), rs.getDate("ends_on").toLocalDate(),
                rs.getTimestamp("revoked_at") != null);
    }

}
