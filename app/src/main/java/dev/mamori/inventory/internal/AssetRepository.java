package dev.mamori.inventory.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.mamori.inventory.AccessHolder;
import dev.mamori.inventory.AssetDraft;
import dev.mamori.inventory.AssetForm;
import dev.mamori.inventory.AssetKind;
import dev.mamori.inventory.AssetQuery;
import dev.mamori.inventory.AssetSubKind;
import dev.mamori.inventory.DesignationDraft;
import dev.mamori.inventory.Disposal;
import dev.mamori.inventory.FormEntry;
import dev.mamori.inventory.LegalRegimes;
import dev.mamori.inventory.Origin;
import dev.mamori.inventory.Stage;
import dev.mamori.platform.ConflictException;

/**
 * SQL of the register. Visibility is a WHERE clause so lists, counts and single reads all apply the same
 * rule inside PostgreSQL: {@link #VISIBLE} tests one row, {@link #visibleSet(Viewer)} (the same rule written
 * as a union of index lookups) selects the rows of a list, so a restricted viewer's list costs what they
 * may see, not the size of the register.
 */
@Repository
public class AssetRepository {

    /**
     * An entry is visible when the viewer sees all metadata, is its 管理責任者, is one of its access
     * holders (as a person, through a department or its parent, a role or a project group), or manages
     * its department — except entries at a concealed level of the scheme (policy module; 極秘 by default),
     * which only their access holders see. The concealed level codes come in as {@code :concealed}.
     */
    static final String VISIBLE = """
            (:seesAll
             or a.responsible_person_id = :me
             or exists (select 1 from inventory.access_holder h where h.asset_id = a.id and (
                    (h.kind = 'PERSON' and h.ref = :meText)
                 or (h.kind = 'DEPARTMENT' and h.ref = any(cast(:holderDepartments as text[])))
                 or (h.kind = 'ROLE' and h.ref = any(cast(:roles as text[])))
                 or (h.kind = 'GROUP' and h.ref in (select m.group_id::text from inventory.project_group_member m
                                                    where m.person_id = :me))))
             or (a.department_id = any(cast(:managed as bigint[]))
                 and (a.level_id is null or not (a.level_id = any(cast(:concealed as text[]))))))
            """;

    /**
     * {@link #VISIBLE} as a set: the union of the entries reached through each path, every branch an index
     * lookup, computed once and handed to the primary-key index as an array (so the planner never trades it
     * for a scan of the register). Viewers who see everything get no restriction (separate SQL text, so no
     * cached plan has to cover both).
     */
    static String visibleSet(Viewer v) {
        if (v.seesAll()) {
            return "true";
        }
        return "a.id = any(array(" + HELD + """
                  union select x.id from inventory.asset x where x.department_id = any(cast(:managed as bigint[]))
                        and """ + NOT_CONCEALED.replace("a.", "x.") + "))";
    }

    /** The entries a viewer reaches as their 管理責任者 or as an access holder (a union of index lookups). */
    private static final String HELD = """
                  select x.id from inventory.asset x where x.responsible_person_id = :me
                  union select h.asset_id from inventory.access_holder h where h.kind = 'PERSON' and h.ref = :meText
                  union select h.asset_id from inventory.access_holder h
                        where h.kind = 'DEPARTMENT' and h.ref = any(cast(:holderDepartments as text[]))
                  union select h.asset_id from inventory.access_holder h
                        where h.kind = 'ROLE' and h.ref = any(cast(:roles as text[]))
                  union select h.asset_id from inventory.project_group_member m
                        join inventory.access_holder h on h.kind = 'GROUP' and h.ref = m.group_id::text
                        where m.person_id = :me
            """;

    private static final String NOT_CONCEALED = "(a.level_id is null or not (a.level_id = any(cast(:concealed as text[]))))";

    private final JdbcClient jdbc;

    AssetRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(AssetDraft d, LocalDate nextReviewOn) {
        LegalRegimes r = d.regimes();
        long id = jdbc.sql("""
                        insert into inventory.asset (name, description, department_id, responsible_person_id, kind, sub_kind,
                          origin, origin_party, origin_duty, trade_secret, limited_provision_data, personal_info,
                          personal_info_count, sensitive_personal_info, export_controlled, contractual_duty,
                          contractual_duty_to, next_review_on)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(d.name().strip(), blank(d.description()), d.departmentId(), d.responsiblePersonId(),
                        d.kind().name(), d.subKind() == null ? null : d.subKind().name(), d.origin().name(),
                        blank(d.originParty()), blank(d.originDuty()), r.tradeSecret(), r.limitedProvisionData(),
                        r.personalInfo(), r.personalInfoCount(), r.sensitivePersonalInfo(), r.exportControlled(),
                        r.contractualDuty(), blank(r.contractualDutyTo()), date(nextReviewOn))
                .query(Long.class).single();
        replaceForms(id, d.forms());
        return id;
    }

    public void update(long id, AssetDraft d, int expectedVersion) {
        LegalRegimes r = d.regimes();
        int n = jdbc.sql("""
                        update inventory.asset set name = ?, description = ?, department_id = ?, responsible_person_id = ?,
                          kind = ?, sub_kind = ?, origin = ?, origin_party = ?, origin_duty = ?, trade_secret = ?,
                          limited_provision_data = ?, personal_info = ?, personal_info_count = ?,
                          sensitive_personal_info = ?, export_controlled = ?, contractual_duty = ?,
                          contractual_duty_to = ?, updated_at = now(), version = version + 1
                        where id = ? and version = ?""")
                .params(d.name().strip(), blank(d.description()), d.departmentId(), d.responsiblePersonId(),
                        d.kind().name(), d.subKind() == null ? null : d.subKind().name(), d.origin().name(),
                        blank(d.originParty()), blank(d.originDuty()), r.tradeSecret(), r.limitedProvisionData(),
                        r.personalInfo(), r.personalInfoCount(), r.sensitivePersonalInfo(), r.exportControlled(),
                        r.contractualDuty(), blank(r.contractualDutyTo()), id, expectedVersion)
                .update();
        if (n == 0) {
            throw new ConflictException("inventory.asset.staleEdit");
        }
        replaceForms(id, d.forms());
    }

    private void replaceForms(long id, List<FormEntry> forms) {
        jdbc.sql("delete from inventory.asset_form where asset_id = ?").param(id).update();
        for (FormEntry f : forms) {
            jdbc.sql("insert into inventory.asset_form (asset_id, form, location) values (?, ?, ?)")
                    .params(id, f.form().name(), blank(f.location())).update();
        }
    }

    public void updateStage(long id, Stage stage) {
        jdbc.sql("update inventory.asset set stage = ?, updated_at = now(), version = version + 1 where id = ?")
                .params(stage.name(), id).update();
    }

    public void markUnneeded(long id, String reason) {
        jdbc.sql("update inventory.asset set unneeded = true, unneeded_reason = ?, updated_at = now(), version = version + 1 where id = ?")
                .params(reason, id).update();
    }

    public void dispose(long id, Disposal d) {
        jdbc.sql("""
                        update inventory.asset set stage = 'DISPOSED', disposal_method = ?, disposed_on = ?,
                          disposed_by_person_id = ?, disposal_witness_person_id = ?, updated_at = now(), version = version + 1
                        where id = ?""")
                .params(d.method(), date(d.on()), d.byPersonId(), d.witnessPersonId(), id).update();
    }

    public void designate(long id, DesignationDraft d, String marking, long byPersonId, LocalDate on) {
        jdbc.sql("""
                        update inventory.asset set level_id = ?, marking = ?, secret_until = ?, secret_until_event = ?,
                          designated_by_person_id = ?, designated_on = ?, designation_reason = ?, updated_at = now(),
                          version = version + 1
                        where id = ?""")
                .params(d.levelId(), marking, date(d.secretUntil()), blank(d.secretUntilEvent()), byPersonId, date(on),
                        blank(d.reason()), id)
                .update();
        jdbc.sql("delete from inventory.access_holder where asset_id = ?").param(id).update();
        for (AccessHolder h : d.holders().stream().distinct().toList()) {
            jdbc.sql("insert into inventory.access_holder (asset_id, kind, ref) values (?, ?, ?)")
                    .params(id, h.kind().name(), h.ref()).update();
        }
    }

    public void declassify(long id) {
        jdbc.sql("""
                        update inventory.asset set level_id = null, marking = null, secret_until = null,
                          secret_until_event = null, designation_reason = null, updated_at = now(), version = version + 1
                        where id = ?""")
                .param(id).update();
        jdbc.sql("delete from inventory.access_holder where asset_id = ?").param(id).update();
    }

    // ------------------------------------------------------------------ project groups

    public long createGroup(String name, Collection<Long> members) {
        long id = jdbc.sql("insert into inventory.project_group (name) values (?) returning id").param(name)
                .query(Long.class).single();
        for (Long p : members) {
            jdbc.sql("insert into inventory.project_group_member (group_id, person_id) values (?, ?)").params(id, p).update();
        }
        return id;
    }

    public Map<Long, String> groups() {
        Map<Long, String> m = new java.util.LinkedHashMap<>();
        jdbc.sql("select id, name from inventory.project_group order by name")
                .query((ResultSet rs) -> {
                    m.put(rs.getLong("id"), rs.getString("name"));
                });
        return m;
    }

    // ------------------------------------------------------------------ reads

    /** The entry if it exists, ignoring visibility (for the service's own checks). */
    public Optional<Row> findById(long id) {
        return jdbc.sql("select a.* from inventory.asset a where a.id = ?").param(id).query(this::map).optional()
                .map(r -> complete(List.of(r)).get(0));
    }

    public boolean visible(long id, Viewer v) {
        return bind(jdbc.sql("select count(*) from inventory.asset a where a.id = :id and " + VISIBLE), v)
                .param("id", id).query(Long.class).single() > 0;
    }

    public record Found(List<Row> rows, long total) {
    }

    public Found search(AssetQuery q, Viewer v, List<Long> departmentFilter, int page, int size) {
        Map<String, Object> params = new HashMap<>();
        String where = filters(q, v, departmentFilter, params);
        params.put("limit", size);
        params.put("offset", (long) page * size);
        if (v.seesAll()) {
            // the whole register: the page walks the (name, id) index, the total is a separate count
            List<Row> rows = bind(jdbc.sql("select a.* from inventory.asset a where " + where
                    + " order by a.name, a.id limit :limit offset :offset"), v).params(params).query(this::map).list();
            long total = rows.isEmpty() && page == 0 ? 0
                    : bind(jdbc.sql("select count(*) from inventory.asset a where " + where), v).params(params)
                            .query(Long.class).single();
            return new Found(complete(rows), total);
        }
        // a restricted viewer: the entries they hold outside the departments they manage (ids probed in the covering
        // index asset_list_idx) and those of the departments they manage (a range of the covering index
        // asset_department_list_idx) are filtered — two disjoint parts, so nothing to de-duplicate — then one pass
        // counts them and picks the page; only the page's rows are read whole
        String filter = filters(q, departmentFilter, params);
        String visible = """
                  select a.id, a.name from inventory.asset a where a.id = any(array(""" + HELD + """
                    )) and not (a.department_id = any(cast(:managed as bigint[])) and\s""" + NOT_CONCEALED + ")" + filter + """

                  union all
                  select a.id, a.name from inventory.asset a where a.department_id = any(cast(:managed as bigint[]))
                    and\s""" + NOT_CONCEALED + filter;
        var spec = bind(jdbc.sql("with visible as (" + visible + """
                ), page as (
                  select v.id, v.name, count(*) over () as total from visible v
                  order by v.name, v.id limit :limit offset :offset)
                select a.*, page.total from page join inventory.asset a on a.id = page.id
                order by page.name, page.id"""), v).params(params);
        long[] total = {0};
        List<Row> rows = spec.query((rs, i) -> {
            total[0] = rs.getLong("total");
            return map(rs, i);
        }).list();
        if (rows.isEmpty() && page > 0) {
            // past the last page: the window gave no row to carry the total
            total[0] = bind(jdbc.sql("select count(*) from (" + visible + ") v"), v).params(params)
                    .query(Long.class).single();
        }
        return new Found(complete(rows), total[0]);
    }

    /**
     * The next {@code size} entries of the same filtered, visible list in the same order (name, id), after
     * the given entry (null: from the start) — for reading a whole register without counting or skipping.
     */
    public List<Row> searchAfter(AssetQuery q, Viewer v, List<Long> departmentFilter, String afterName, Long afterId,
                                 int size) {
        Map<String, Object> params = new HashMap<>();
        String where = filters(q, v, departmentFilter, params);
        if (afterId != null) {
            where += " and (a.name, a.id) > (:afterName, :afterId)";
            params.put("afterName", afterName);
            params.put("afterId", afterId);
        }
        params.put("limit", size);
        return complete(bind(jdbc.sql("select a.* from inventory.asset a where " + where
                + " order by a.name, a.id limit :limit"), v).params(params).query(this::map).list());
    }

    /** The visibility clause and the list's filters, with their parameters put into {@code params}. */
    private static String filters(AssetQuery q, Viewer v, List<Long> departmentFilter, Map<String, Object> params) {
        return visibleSet(v) + filters(q, departmentFilter, params);
    }

    /** The list's filters, each starting with " and", with their parameters put into {@code params}. */
    private static String filters(AssetQuery q, List<Long> departmentFilter, Map<String, Object> params) {
        StringBuilder where = new StringBuilder();
        if (q.q() != null && !q.q().isBlank()) {
            where.append(" and (a.name ilike :q or a.description ilike :q)");
            params.put("q", "%" + q.q().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (departmentFilter != null) {
            where.append(" and a.department_id = any(cast(:deptFilter as bigint[]))");
            params.put("deptFilter", array(departmentFilter));
        }
        if (q.kind() != null) {
            where.append(" and a.kind = :kind");
            params.put("kind", q.kind().name());
        }
        if (q.form() != null) {
            // offset 0 keeps this a per-row probe of asset_form's primary key: flattened into a join, the planner
            // may read all of asset_form for a few thousand visible entries
            where.append(" and exists (select 1 from inventory.asset_form f where f.asset_id = a.id and f.form = :form offset 0)");
            params.put("form", q.form().name());
        }
        if (q.levelId() != null && !q.levelId().isBlank()) {
            if ("NONE".equals(q.levelId())) {
                where.append(" and a.level_id is null");
            } else {
                where.append(" and a.level_id = :level");
                params.put("level", q.levelId());
            }
        }
        if (q.reviewDueBy() != null) {
            where.append(" and a.stage <> 'DISPOSED' and a.next_review_on <= :reviewDue");
            params.put("reviewDue", date(q.reviewDueBy()));
        }
        if (q.secrecyEndedBy() != null) {
            where.append(" and a.level_id is not null and a.secret_until <= :secrecyEnded");
            params.put("secrecyEnded", date(q.secrecyEndedBy()));
        }
        if (q.stage() != null) {
            where.append(" and a.stage = :stage");
            params.put("stage", q.stage().name());
        }
        if (q.regime() != null) {
            String column = switch (q.regime()) {
                case "TRADE_SECRET" -> "trade_secret";
                case "LIMITED_DATA" -> "limited_provision_data";
                case "PERSONAL" -> "personal_info";
                case "EXPORT" -> "export_controlled";
                case "CONTRACT" -> "contractual_duty";
                default -> null;
            };
            if (column != null) {
                where.append(" and a.").append(column);
            }
        }
        return where.toString();
    }

    /** An entry's name (stripped) in a department: what an import matches entries by. */
    public record ImportKey(String name, long departmentId) {
    }

    /**
     * Live entries with these names in these departments that an importer may update: those they see,
     * and any not at a concealed level (whose existence is not hidden from people who may import into the
     * department). The caller has checked that the importer may import into the departments.
     */
    public Map<ImportKey, List<Row>> findForImport(List<ImportKey> keys, Viewer v) {
        Map<ImportKey, List<Row>> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        List<Row> rows = complete(bind(jdbc.sql("""
                        select a.* from inventory.asset a
                        join unnest(cast(:names as text[]), cast(:departments as bigint[])) as k(name, department_id)
                          on a.name = k.name and a.department_id = k.department_id
                        where a.stage <> 'DISPOSED'
                          and (a.level_id is null
                               or not (a.level_id = any(cast(:concealed as text[])))
                               or """ + VISIBLE + ") order by a.id"), v)
                .param("names", keys.stream().map(ImportKey::name).toArray(String[]::new))
                .param("departments", keys.stream().map(ImportKey::departmentId).toArray(Long[]::new))
                .query(this::map).list());
        rows.forEach(r -> found.computeIfAbsent(new ImportKey(r.name(), r.departmentId()), k -> new ArrayList<>()).add(r));
        return found;
    }

    /** A visible entry with its latest evaluation and its percent rank among all live evaluated entries. */
    public record StandingRow(long id, String name, long departmentId, int total, double percentRank, long lossMinYen,
                              long lossMaxYen, String levelId) {
    }

    public List<StandingRow> standings(Viewer v, int limit) {
        return bind(jdbc.sql("""
                        with ranked as (
                          select a.id, case when count(*) over () = 1 then 1.0
                                            else percent_rank() over (order by e.total) end as pr,
                                 e.total, e.loss_min_yen, e.loss_max_yen
                          from inventory.asset a join inventory.evaluation e on e.id = a.latest_evaluation_id
                          where a.stage <> 'DISPOSED')
                        select a.id, a.name, a.department_id, r.total, r.pr, r.loss_min_yen, r.loss_max_yen, a.level_id
                        from ranked r join inventory.asset a on a.id = r.id
                        where """ + " " + visibleSet(v) + " order by r.pr desc, r.loss_max_yen desc, a.id limit :limit"), v)
                .param("limit", limit)
                .query((rs, i) -> new StandingRow(rs.getLong("id"), rs.getString("name"), rs.getLong("department_id"),
                        rs.getInt("total"), rs.getDouble("pr"), rs.getLong("loss_min_yen"), rs.getLong("loss_max_yen"),
                        rs.getString("level_id")))
                .list();
    }

    public long countVisible(Viewer v) {
        return bind(jdbc.sql("select count(*) from inventory.asset a where " + visibleSet(v)), v).query(Long.class).single();
    }

    /** Designated entries whose secrecy end date has passed: to be reclassified or declassified. */
    public long countSecrecyEnded(Viewer v, LocalDate today) {
        return bind(jdbc.sql("select count(*) from inventory.asset a where a.level_id is not null and a.secret_until < :today and "
                + visibleSet(v)), v).param("today", date(today)).query(Long.class).single();
    }

    public long countReviewOverdue(Viewer v, LocalDate today) {
        return bind(jdbc.sql("select count(*) from inventory.asset a where a.stage <> 'DISPOSED' and a.next_review_on < :today and "
                + visibleSet(v)), v).param("today", date(today)).query(Long.class).single();
    }

    /** Binds the viewer's parameters of {@link #VISIBLE}. */
    static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, Viewer v) {
        long me = v.personId() == null ? -1 : v.personId();
        return spec.param("seesAll", v.seesAll()).param("me", me).param("meText", String.valueOf(me))
                .param("holderDepartments", array(v.holderDepartments()))
                .param("roles", "{" + String.join(",", v.roles()) + "}")
                .param("managed", array(v.managedDepartments()))
                .param("concealed", v.concealedLevels().stream()
                        .map(c -> "\"" + c.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                        .collect(Collectors.joining(",", "{", "}")));
    }

    static String array(Collection<Long> ids) {
        return ids.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
    }

    // ------------------------------------------------------------------ mapping

    /** A stored entry with its forms and holders, names not yet resolved. */
    public record Row(long id, String name, String description, long departmentId, long responsiblePersonId,
                      AssetKind kind, AssetSubKind subKind, List<FormEntry> forms, Origin origin, String originParty,
                      String originDuty, LegalRegimes regimes, Stage stage, boolean unneeded, String unneededReason,
                      Disposal disposal, String levelId, String marking, LocalDate secretUntil, String secretUntilEvent,
                      Long designatedByPersonId, LocalDate designatedOn, List<AccessHolder> holders,
                      LocalDate nextReviewOn, int version) {

        Row with(List<FormEntry> f, List<AccessHolder> h) {
            return new Row(id, name, description, departmentId, responsiblePersonId, kind, subKind, f, origin,
                    originParty, originDuty, regimes, stage, unneeded, unneededReason, disposal, levelId, marking,
                    secretUntil, secretUntilEvent, designatedByPersonId, designatedOn, h, nextReviewOn, version);
        }
    }

    private Row map(ResultSet rs, int i) throws SQLException {
        String sub = rs.getString("sub_kind");
        Disposal disposal = rs.getString("disposal_method") == null ? null
                : new Disposal(rs.getString("disposal_method"), localDate(rs, "disposed_on"),
                longOrNull(rs, "disposed_by_person_id"), longOrNull(rs, "disposal_witness_person_id"));
        return new Row(rs.getLong("id"), rs.getString("name"), rs.getString("description"), rs.getLong("department_id"),
                rs.getLong("responsible_person_id"), AssetKind.valueOf(rs.getString("kind")),
                sub == null ? null : AssetSubKind.valueOf(sub), List.of(), Origin.valueOf(rs.getString("origin")),
                rs.getString("origin_party"), rs.getString("origin_duty"),
                new LegalRegimes(rs.getBoolean("trade_secret"), rs.getBoolean("limited_provision_data"),
                        rs.getBoolean("personal_info"), (Integer) rs.getObject("personal_info_count"),
                        rs.getBoolean("sensitive_personal_info"), rs.getBoolean("export_controlled"),
                        rs.getBoolean("contractual_duty"), rs.getString("contractual_duty_to")),
                Stage.valueOf(rs.getString("stage")), rs.getBoolean("unneeded"), rs.getString("unneeded_reason"),
                disposal, rs.getString("level_id"), rs.getString("marking"), localDate(rs, "secret_until"),
                rs.getString("secret_until_event"), longOrNull(rs, "designated_by_person_id"),
                localDate(rs, "designated_on"), List.of(), localDate(rs, "next_review_on"), rs.getInt("version"));
    }

    private List<Row> complete(List<Row> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        String ids = array(rows.stream().map(Row::id).toList());
        Map<Long, List<FormEntry>> forms = new HashMap<>();
        jdbc.sql("select * from inventory.asset_form where asset_id = any(cast(? as bigint[])) order by form").param(ids)
                .query((ResultSet rs) -> {
                    forms.computeIfAbsent(rs.getLong("asset_id"), k -> new ArrayList<>())
                            .add(new FormEntry(AssetForm.valueOf(rs.getString("form")), rs.getString("location")));
                });
        forms.values().forEach(l -> l.sort(java.util.Comparator.comparing(FormEntry::form)));
        Map<Long, List<AccessHolder>> holders = new HashMap<>();
        jdbc.sql("select * from inventory.access_holder where asset_id = any(cast(? as bigint[])) order by kind, ref").param(ids)
                .query((ResultSet rs) -> {
                    holders.computeIfAbsent(rs.getLong("asset_id"), k -> new ArrayList<>())
                            .add(new AccessHolder(AccessHolder.Kind.valueOf(rs.getString("kind")), rs.getString("ref")));
                });
        return rows.stream().map(r -> r.with(forms.getOrDefault(r.id(), List.of()), holders.getOrDefault(r.id(), List.of())))
                .toList();
    }

    private static Long longOrNull(ResultSet rs, String column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? null : v;
    }

    private static LocalDate localDate(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    private static Date date(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
