package dev.mamori.agreement.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** SQL for training courses and assignments. */
@Repository
class TrainingRepository {

    private static final String ASSIGNMENT = """
            select a.*, c.title, c.kind from agreement.training_assignment a
            join agreement.training_course c on c.id = a.course_id
            """;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    TrainingRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    long insertCourse(String title, Course.Kind kind, String material, List<Course.Question> quiz, int passMark,
                      String acknowledgement, String createdBy) {
        return jdbc.sql("""
                        insert into agreement.training_course (title, kind, material, quiz, pass_mark, acknowledgement, created_by)
                        values (?, ?, ?, cast(? as jsonb), ?, ?, ?) returning id""")
                .params(title, kind.name(), material, json.writeValueAsString(quiz), passMark, acknowledgement, createdBy)
                .query(Long.class).single();
    }

    List<Course> courses() {
        return jdbc.sql("select * from agreement.training_course order by created_at desc, id desc").query(this::mapCourse).list();
    }

    Optional<Course> course(long id) {
        return jdbc.sql("select * from agreement.training_course where id = ?").param(id).query(this::mapCourse).optional();
    }

    /** Assigns unless already assigned; returns how many were new. */
    int assign(long courseId, List<long[]> personAndDepartment, LocalDate on, LocalDate due) {
        int n = 0;
        for (long[] p : personAndDepartment) {
            n += jdbc.sql("""
                            insert into agreement.training_assignment (course_id, person_id, department_id, assigned_on, due_on)
                            values (?, ?, ?, ?, ?) on conflict do nothing""")
                    .params(courseId, p[0], p[1] < 0 ? null : p[1], on, due).update();
        }
        return n;
    }

    Optional<Assignment> assignment(long courseId, long personId) {
        return jdbc.sql(ASSIGNMENT + " where a.course_id = ? and a.person_id = ?").params(courseId, personId)
                .query(TrainingRepository::assignment).optional();
    }

    List<Assignment> ofPerson(long personId) {
        return jdbc.sql(ASSIGNMENT + " where a.person_id = ? order by a.completed_at nulls first, a.due_on")
                .param(personId).query(TrainingRepository::assignment).list();
    }

    List<Assignment> ofCourse(long courseId) {
        return jdbc.sql(ASSIGNMENT + " where a.course_id = ? order by a.department_id nulls last, a.person_id")
                .param(courseId).query(TrainingRepository::assignment).list();
    }

    List<Assignment> all() {
        return jdbc.sql(ASSIGNMENT).query(TrainingRepository::assignment).list();
    }

    void attempt(long courseId, long personId, int score, Instant completedAt, String recordedBy) {
        jdbc.sql("""
                        update agreement.training_assignment set attempts = attempts + 1, score = ?,
                            completed_at = coalesce(completed_at, ?), recorded_by = coalesce(recorded_by, ?)
                        where course_id = ? and person_id = ?""")
                .params(score, completedAt == null ? null : Timestamp.from(completedAt), recordedBy, courseId, personId)
                .update();
    }

    List<Assignment> dueForReminder(LocalDate today, int intervalDays) {
        return jdbc.sql(ASSIGNMENT + """
                         where a.completed_at is null and a.due_on < ?
                           and (a.reminded_on is null or a.reminded_on <= ?)""")
                .params(today, today.minusDays(intervalDays)).query(TrainingRepository::assignment).list();
    }

    void markReminded(long courseId, Collection<Long> personIds, LocalDate on) {
        jdbc.sql("update agreement.training_assignment set reminded_on = ? where course_id = ? and person_id = any(?)")
                .params(on, courseId, personIds.toArray(Long[]::new)).update();
    }

    private Course mapCourse(ResultSet rs, int n) throws SQLException {
        List<Course.Question> quiz = json.readValue(rs.getString("quiz"), new TypeReference<List<Course.Question>>() { });
        return new Course(rs.getLong("id"), rs.getString("title"), Course.Kind.valueOf(rs.getString("kind")),
                rs.getString("material"), quiz, rs.getInt("pass_mark"), rs.getString("acknowledgement"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"));
    }

    private static Assignment assignment(ResultSet rs, int n) throws SQLException {
        Timestamp done = rs.getTimestamp("completed_at");
        return new Assignment(rs.getLong("course_id"), rs.getString("title"), Course.Kind.valueOf(rs.getString("kind")),
                rs.getLong("person_id"), (Long) rs.getObject("department_id"), rs.getObject("assigned_on", LocalDate.class),
                rs.getObject("due_on", LocalDate.class), done == null ? null : done.toInstant(),
                (Integer) rs.getObject("score"), rs.getInt("attempts"), rs.getString("recorded_by"),
                rs.getObject("reminded_on", LocalDate.class));
    }
}
