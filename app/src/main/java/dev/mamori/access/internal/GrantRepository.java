package dev.mamori.access.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.mamori.access.AccessLevel;
import dev.mamori.access.Grant;
import dev.mamori.inventory.AccessHolder;

/** The grants table. */
@Repository
public class GrantRepository {

    private final JdbcClient jdbc;

    GrantRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public long insert(long assetId, AccessHolder holder, AccessLevel level, String reason, Long grantedBy, Long requestId,
                Instant startsAt, Instant endsAt) {
        return jdbc.sql("""
                        insert into access.entry_grant (asset_id, holder_kind, holder_ref, access_level, reason,
                            granted_by_person_id, request_id, starts_at, ends_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(assetId, holder.kind().name(), holder.ref(), level.name(), reason, grantedBy, requestId,
                        ts(startsAt), ts(endsAt))
                .query(Long.class).single();
    }

    public Optional<Grant> findById(long id) {
        return jdbc.sql("select * from access.entry_grant where id = ?").param(id).query(GrantRepository::map).optional();
    }

    /** The entry's grants, live first, newest first. */
    public List<Grant> ofAsset(long assetId) {
        return jdbc.sql("select * from access.entry_grant where asset_id = ? order by ended_at is not null, id desc")
                .param(assetId).query(GrantRepository::map).list();
    }

    /** Grants held by a holder, live first, newest first. */
    public List<Grant> ofHolder(AccessHolder holder) {
        return jdbc.sql("""
                        select * from access.entry_grant where holder_kind = ? and holder_ref = ?
                        order by ended_at is not null, id desc limit 500""")
                .params(holder.kind().name(), holder.ref()).query(GrantRepository::map).list();
    }

    public List<Grant> liveOfPerson(long personId) {
        return jdbc.sql("select * from access.entry_grant where holder_kind = 'PERSON' and holder_ref = ? and ended_at is null order by id")
                .param(String.valueOf(personId)).query(GrantRepository::map).list();
    }

    /** Live grants on any of the entries. */
    public List<Grant> liveOfAssets(long[] assetIds) {
        Long[] ids = java.util.Arrays.stream(assetIds).boxed().toArray(Long[]::new);
        return jdbc.sql("select * from access.entry_grant where asset_id = any(cast(? as bigint[])) and ended_at is null order by asset_id, id")
                .param(ids).query(GrantRepository::map).list();
    }

    /** Every live grant, in id order, a page at a time (for building the index). */
    public void forEachLive(int pageSize, Consumer<List<Grant>> sink) {
        long after = 0;
        while (true) {
            List<Grant> page = jdbc.sql("select * from access.entry_grant where ended_at is null and id > ? order by id limit ?")
                    .params(after, pageSize).query(GrantRepository::map).list();
            if (page.isEmpty()) {
                return;
            }
            sink.accept(page);
            after = page.get(page.size() - 1).id();
        }
    }

    /** Live grants whose end has passed. */
    public List<Grant> expired(Instant now, int limit) {
        return jdbc.sql("select * from access.entry_grant where ended_at is null and ends_at <= ? order by ends_at limit ?")
                .params(ts(now), limit).query(GrantRepository::map).list();
    }

    /** Ends a live grant; false when it had ended already. */
    public boolean end(long id, String reason, Long by, Instant at) {
        return jdbc.sql("update access.entry_grant set ended_at = ?, end_reason = ?, ended_by_person_id = ? where id = ? and ended_at is null")
                .params(ts(at), reason, by, id).update() == 1;
    }

    public boolean flag(long id, String flag, Instant at) {
        return jdbc.sql("update access.entry_grant set review_flag = ?, flagged_at = ? where id = ? and ended_at is null")
                .params(flag, ts(at), id).update() == 1;
    }

    public boolean confirm(long id, Long by, Instant at) {
        return jdbc.sql("""
                        update access.entry_grant set review_flag = null, flagged_at = null, confirmed_at = ?,
                            confirmed_by_person_id = ? where id = ? and ended_at is null""")
                .params(ts(at), by, id).update() == 1;
    }

    /**
     * Confirms a live grant that is not flagged (false otherwise): completing a review keeps only what was
     * reviewed, and a flag set meanwhile (a transfer) stays for its own decision.
     */
    public boolean confirmUnflagged(long id, Long by, Instant at) {
        return jdbc.sql("""
                        update access.entry_grant set confirmed_at = ?, confirmed_by_person_id = ?
                        where id = ? and ended_at is null and review_flag is null""")
                .params(ts(at), by, id).update() == 1;
    }

    static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    static Grant map(ResultSet rs, int row) throws SQLException {
        long requestId = rs.getLong("request_id");
        Long request = rs.wasNull() ? null : requestId;
        long by = rs.getLong("granted_by_person_id");
        Long grantedBy = rs.wasNull() ? null : by;
        return new Grant(rs.getLong("id"), rs.getLong("asset_id"),
                new AccessHolder(AccessHolder.Kind.valueOf(rs.getString("holder_kind")), rs.getString("holder_ref")),
                AccessLevel.valueOf(rs.getString("access_level")), rs.getString("reason"), grantedBy, request,
                instant(rs, "starts_at"), instant(rs, "ends_at"), instant(rs, "ended_at"), rs.getString("end_reason"),
                rs.getString("review_flag"), instant(rs, "confirmed_at"));
    }
}
