package dev.mamori.platform.internal.notify;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.mamori.platform.Notice;
import dev.mamori.platform.Notifications;
import dev.mamori.platform.Role;

/**
 * Inboxes in {@code platform.notification}. Sending joins the caller's transaction so a notice exists
 * exactly when the change it reports was committed.
 */
@Service
public class NotificationService implements Notifications {

    /** The newest notices shown on the inbox page. */
    public static final int PAGE_SIZE = 50;

    private final JdbcClient jdbc;

    NotificationService(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRED)
    public int toAccount(long accountId, Notice notice) {
        return insert("select id from platform.account where id = :id and enabled", accountId, notice);
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRED)
    public int toPerson(long personId, Notice notice) {
        return insert("select id from platform.account where person_id = :id and enabled", personId, notice);
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRED)
    public int toRole(Role role, Notice notice) {
        return insert("""
                select distinct a.id from platform.account a join platform.account_role r on r.account_id = a.id
                where a.enabled and r.role = :id""", role.name(), notice);
    }

    @Override
    @Transactional(propagation = Propagation.REQUIRED)
    public int toManagersOf(long departmentId, Notice notice) {
        return insert("""
                select distinct a.id from platform.account a join platform.account_role r on r.account_id = a.id
                where a.enabled and r.role = 'MANAGER' and r.department_id = :id""", departmentId, notice);
    }

    private int insert(String recipients, Object id, Notice notice) {
        if (notice == null || notice.messageKey() == null || notice.messageKey().isBlank()) {
            throw new IllegalArgumentException("a notice needs a message key");
        }
        return jdbc.sql("insert into platform.notification (account_id, message_key, args, href) "
                        + "select r.id, :key, :args, :href from (" + recipients + ") r")
                .param("id", id)
                .param("key", notice.messageKey())
                .param("args", notice.args().toArray(String[]::new))
                .param("href", notice.href())
                .update();
    }

    @Transactional(readOnly = true)
    public List<Inboxed> inbox(long accountId) {
        return jdbc.sql("""
                        select id, message_key, args, href, created_at, read_at from platform.notification
                        where account_id = ? order by created_at desc, id desc limit ?""")
                .params(accountId, PAGE_SIZE)
                .query(NotificationService::row).list();
    }

    @Transactional(readOnly = true)
    public long unread(long accountId) {
        return jdbc.sql("select count(*) from platform.notification where account_id = ? and read_at is null")
                .param(accountId).query(Long.class).single();
    }

    /** Marks one of the account's own notices read; returns false when the id is not in that inbox. */
    @Transactional
    public boolean markRead(long accountId, long notificationId) {
        return jdbc.sql("""
                        update platform.notification set read_at = coalesce(read_at, now())
                        where id = ? and account_id = ?""")
                .params(notificationId, accountId).update() == 1;
    }

    @Transactional
    public int markAllRead(long accountId) {
        return jdbc.sql("update platform.notification set read_at = now() where account_id = ? and read_at is null")
                .param(accountId).update();
    }

    private static Inboxed row(ResultSet rs, int n) throws SQLException {
        Array args = rs.getArray("args");
        List<String> list = args == null ? List.of() : Arrays.asList((String[]) args.getArray());
        var read = rs.getTimestamp("read_at");
        return new Inboxed(rs.getLong("id"), rs.getString("message_key"), list, rs.getString("href"),
                rs.getTimestamp("created_at").toInstant(), read == null ? null : read.toInstant());
    }

    /** A notice in an inbox. */
    public record Inboxed(long id, String messageKey, List<String> args, String href, Instant createdAt,
                          Instant readAt) {

        public boolean unread() {
            return readAt == null;
        }

        /** Only links inside Mamori are followed; anything else is shown without a link. */
        public String safeHref() {
            return href != null && href.startsWith("/") && !href.startsWith("//") ? href : null;
        }
    }
}
