package dev.mamori.policy.internal;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.mamori.policy.Approver;
import dev.mamori.policy.Aspect;
import dev.mamori.policy.ExceptionDraft;
import dev.mamori.policy.ExceptionRequest;
import dev.mamori.policy.ExceptionStatus;
import dev.mamori.policy.Medium;
import dev.mamori.policy.Obligation;
import dev.mamori.policy.Permitted;

/**
 * The departments' exception requests ({@code policy.rule_exception}). Rows come back with the stored status
 * and without department names; the service adds both.
 */
@Repository
class ExceptionRepository {

    static final int LIMIT = 500;

    private final JdbcClient jdbc;

    ExceptionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(ExceptionDraft d, String reason, long accountId, String name, Instant at) {
        return jdbc.sql("""
                insert into policy.rule_exception (level_code, aspect, medium, department_id, permitted, approval,
                    prohibited, waived_obligations, reason, ends_on, status, requested_by, requested_by_name, requested_at)
                values (?, ?, ?, ?, ?, ?, ?, string_to_array(?, ','), ?, ?, 'PENDING', ?, ?, ?)
                returning id""")
                .params(d.levelCode(), d.aspect().name(), d.medium().name(), d.departmentId(), name(d.permitted()),
                        name(d.approval()), d.prohibited(), join(d.waivedObligations()), reason, d.endsOn(), accountId,
                        name, at.atOffset(ZoneOffset.UTC))
                .query(Long.class).single();
    }

    Optional<ExceptionRequest> lock(long id) {
        return jdbc.sql("select * from policy.rule_exception where id = ? for update").param(id)
                .query(ExceptionRepository::row).optional();
    }

    void decide(long id, ExceptionStatus status, long accountId, String name, Instant at, String note) {
        jdbc.sql("""
                update policy.rule_exception set status = ?, decided_by = ?, decided_by_name = ?, decided_at = ?,
                    decision_note = ? where id = ?""")
                .params(status.name(), accountId, name, at.atOffset(ZoneOffset.UTC), note, id).update();
    }

    /** Pending or approved requests (including expired ones) for one rule and department. */
    List<ExceptionRequest> open(String levelCode, Aspect aspect, Medium medium, long departmentId) {
        return jdbc.sql("""
                select * from policy.rule_exception where level_code = ? and aspect = ? and medium = ?
                    and department_id = ? and status in ('PENDING', 'APPROVED')""")
                .params(levelCode, aspect.name(), medium.name(), departmentId).query(ExceptionRepository::row).list();
    }

    /** Approved exceptions that may still be in force on {@code today} (for the in-memory standard). */
    List<ExceptionRequest> approved(LocalDate today) {
        return jdbc.sql("""
                select * from policy.rule_exception where status = 'APPROVED' and (ends_on is null or ends_on >= ?)
                order by id""")
                .param(today).query(ExceptionRepository::row).list();
    }

    /**
     * Requests, newest first, with the given status (null: all; EXPIRED: approved ones past their end date;
     * APPROVED: those still in force), for the given departments or requested by the given account (null
     * departments: everyone's).
     */
    List<ExceptionRequest> search(ExceptionStatus status, LocalDate today, Collection<Long> departments, long accountId) {
        String where = switch (status == null ? "ALL" : status.name()) {
            case "ALL" -> "true";
            case "EXPIRED" -> "status = 'APPROVED' and ends_on < :today";
            case "APPROVED" -> "status = 'APPROVED' and (ends_on is null or ends_on >= :today)";
            default -> "status = :status";
        };
        String scope = departments == null ? "true"
                : departments.isEmpty() ? "requested_by = :account"
                : "(department_id in (:departments) or requested_by = :account)";
        var spec = jdbc.sql("select * from policy.rule_exception where " + where + " and " + scope
                        + " order by id desc limit " + LIMIT)
                .param("today", today).param("account", accountId);
        if (status != null) {
            spec = spec.param("status", status.name());
        }
        if (departments != null && !departments.isEmpty()) {
            spec = spec.param("departments", departments);
        }
        return spec.query(ExceptionRepository::row).list();
    }

    private static ExceptionRequest row(ResultSet rs, int n) throws SQLException {
        String permitted = rs.getString("permitted");
        String approval = rs.getString("approval");
        Object prohibited = rs.getObject("prohibited");
        Long decidedBy = (Long) rs.getObject("decided_by");
        return new ExceptionRequest(rs.getLong("id"), rs.getString("level_code"), Aspect.valueOf(rs.getString("aspect")),
                Medium.valueOf(rs.getString("medium")), rs.getLong("department_id"), null, null,
                permitted == null ? null : Permitted.valueOf(permitted), approval == null ? null : Approver.valueOf(approval),
                (Boolean) prohibited, obligations(rs.getArray("waived_obligations")), rs.getString("reason"),
                rs.getObject("ends_on", LocalDate.class), ExceptionStatus.valueOf(rs.getString("status")),
                rs.getLong("requested_by"), rs.getString("requested_by_name"),
                PolicyRepository.instant(rs, "requested_at"), decidedBy == null ? null : rs.getString("decided_by_name"),
                PolicyRepository.instant(rs, "decided_at"), rs.getString("decision_note"));
    }

    private static Set<Obligation> obligations(Array array) throws SQLException {
        Set<Obligation> set = EnumSet.noneOf(Obligation.class);
        if (array != null) {
            Arrays.stream((String[]) array.getArray()).filter(s -> !s.isBlank()).map(Obligation::valueOf).forEach(set::add);
        }
        return set;
    }

    private static String join(Set<Obligation> o) {
        return o.stream().map(Enum::name).sorted().reduce((a, b) -> a + "," + b).orElse("");
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }
}
