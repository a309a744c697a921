package dev.mamori.lifecycle.internal;

import java.time.LocalDate;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.mamori.lifecycle.AlumniContact;

/** SQL of {@code lifecycle.alumni_contact}. */
@Repository
public class AlumniContactRepository {

    private final JdbcClient jdbc;

    AlumniContactRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<AlumniContact> find(long personId) {
        return jdbc.sql("select * from lifecycle.alumni_contact where person_id = ?").param(personId)
                .query((rs, n) -> new AlumniContact(rs.getLong("person_id"), rs.getBoolean("consent"),
                        rs.getString("address"), rs.getString("email"), rs.getObject("recorded_on", LocalDate.class),
                        rs.getString("note"), rs.getString("recorded_by")))
                .optional();
    }

    public void save(AlumniContact c) {
        jdbc.sql("""
                        insert into lifecycle.alumni_contact (person_id, consent, address, email, recorded_on, note, recorded_by)
                        values (?, ?, ?, ?, ?, ?, ?)
                        on conflict (person_id) do update set consent = excluded.consent, address = excluded.address,
                          email = excluded.email, recorded_on = excluded.recorded_on, note = excluded.note,
                          recorded_by = excluded.recorded_by, recorded_at = now()""")
                .params(c.personId(), c.consent(), c.address(), c.email(), c.recordedOn(), c.note(), c.recordedBy())
                .update();
    }
}
