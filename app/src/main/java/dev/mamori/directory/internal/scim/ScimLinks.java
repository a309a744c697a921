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

    /** The links of the given people. */
    Map<Long, Link> findAll(java.util.Collection<Long> personIds) {
        Map<Long, Link> out = new HashMap<>();
        if (personIds.isEmpty()) {
            return out;
        }
        jdbc.sql("select * from directory.scim_user where person_id = any(?)").param(personIds.toArray(Long[]::new))
                .query(this::map).list().forEach(l -> out.put(l.personId(), l));
        return out;
    }

    /** Where the provider's view of a person comes from: the person, with the link left-joined as {@code s}. */
    private static final String USERS = " from directory.person p left join directory.scim_user s on s.person_id = p.id where ";

    /** How many people match the filter's condition. */
    long countUsers(ScimFilter.Sql filter) {
        return jdbc.sql("select count(*)" + USERS + filter.where()).params(filter.params()).query(Long.class).single();
    }

    /** The ids of a page of the people matching the filter's condition, by id. */
    java.util.List<Long> userIds(ScimFilter.Sql filter, int offset, int limit) {
        java.util.List<Object> params = new java.util.ArrayList<>(filter.params());
        params.add(limit);
        params.add(offset);
        return jdbc.sql("select p.id" + USERS + filter.where() + " order by p.id limit ? offset ?").params(params)
                .query(Long.class).list();
    }

    /**
     * The SQL expressions a User attribute's values come from (empty: an attribute Mamori does not keep), over
     * {@code p} (directory.person) and {@code s} (directory.scim_user): the same values the User resource shows.
     */
    static java.util.List<String> columnsOf(String attribute) {
        String primaryDepartment = "(select d.%s from directory.person_department pd join directory.department d"
                + " on d.id = pd.department_id where pd.person_id = p.id and pd.is_primary)";
        return switch (attribute) {
            case "id" -> java.util.List.of("cast(p.id as text)");
            case "username" -> java.util.List.of("coalesce(s.user_name, p.email, p.employee_number)");
            case "externalid" -> java.util.List.of("s.external_id");
            case "displayname", "name.formatted" -> java.util.List.of("p.name");
            case "name.givenname" -> java.util.List.of("s.given_name");
            case "name.familyname" -> java.util.List.of("s.family_name");
            case "emails.value" -> java.util.List.of("p.email");
            case "title" -> java.util.List.of("p.position");
            case "active" -> java.util.List.of("(case when coalesce(s.active, p.status not in ('LEAVING', 'LEFT'))"
                    + " then 'true' else 'false' end)");
            case "enterprise:employeenumber" -> java.util.List.of("p.employee_number");
            case "enterprise:department" -> java.util.List.of(primaryDepartment.formatted("code"),
                    primaryDepartment.formatted("name_ja"));
            case "enterprise:manager", "enterprise:manager.value" -> java.util.List.of("cast(s.manager_person_id as text)");
            default -> java.util.List.of();
        };
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
