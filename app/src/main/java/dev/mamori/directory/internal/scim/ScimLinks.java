package dev.mamori.directory.internal.scim;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of {@code directory.scim_user}: what the identity provider keeps about a person. */
@Repository
class ScimLinks {

    record Link(long personId, String userName, String externalId, String givenName, String familyName,
                Long managerPersonId, boolean active, Instant createdAt, Instant updatedAt) {
    }

    private final JdbcClient jdbc;

    ScimLinks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Link> find(long personId) {
        return jdbc.sql("select * from directory.scim_user where person_id = ?").param(personId).query(this::map).optional();
    }

    Optional<Link> findByUserName(String userName) {
        return jdbc.sql("select * from directory.scim_user where lower(user_name) = lower(?)").param(userName)
                .query(this::map).optional();
    }

    Optional<Link> findByExternalId(String externalId) {
        return jdbc.sql("select * from directory.scim_user where external_id = ?").param(externalId).query(this::map).optional();
    }

    Map<Long, Link> all() {
        Map<Long, Link> out = new HashMap<>();
        jdbc.sql("select * from directory.scim_user").query(this::map).list().forEach(l -> out.put(l.personId(), l));
        return out;
    }

    void save(Link l) {
        jdbc.sql("""
                        insert into directory.scim_user (person_id, user_name, external_id, given_name, family_name,
                          manager_person_id, active) values (?, ?, ?, ?, ?, ?, ?)
                        on conflict (person_id) do update set user_name = excluded.user_name,
                          external_id = excluded.external_id, given_name = excluded.given_name,
                          family_name = excluded.family_name, manager_person_id = excluded.manager_person_id,
                          active = excluded.active, updated_at = now()""")
                .params(l.personId(), l.userName(), l.externalId(), l.givenName(), l.familyName(), l.managerPersonId(),
                        l.active())
                .update();
    }

    private Link map(ResultSet rs, int i) throws SQLException {
        return new Link(rs.getLong("person_id"), rs.getString("user_name"), rs.getString("external_id"),
                rs.getString("given_name"), rs.getString("family_name"), (Long) rs.getObject("manager_person_id"),
                rs.getBoolean("active"), rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant());
    }
}
