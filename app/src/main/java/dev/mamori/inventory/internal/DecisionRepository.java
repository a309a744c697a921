package dev.mamori.inventory.internal;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import tools.jackson.databind.json.JsonMapper;

import dev.mamori.inventory.DecisionView;
import dev.mamori.inventory.SecrecyAnswers;
import dev.mamori.inventory.SecrecyOutcome;

/**
 * SQL of recorded secrecy decisions; the answers are kept as JSON.
 */
@Repository
public class DecisionRepository {

    private final JdbcClient jdbc;
    private final JsonMapper json;

    DecisionRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public long insert(long assetId, SecrecyAnswers answers, SecrecyOutcome recommended, SecrecyOutcome chosen,
                       String reason, Long byPersonId) {
        return jdbc.sql("""
                        insert into inventory.decision (asset_id, answers, recommended, chosen, reason, decided_by)
                        values (?, ?, ?, ?, ?, ?) returning id""")
                .params(assetId, json.writeValueAsString(answers), recommended.name(), chosen.name(), reason, byPersonId)
                .query(Long.class).single();
    }

    public List<DecisionView> history(long assetId) {
        return jdbc.sql("select * from inventory.decision where asset_id = ? order by id desc").param(assetId)
                .query((rs, i) -> view(rs)).list();
    }

    /** The newest secrecy decision of each of the entries that has one (no decider name), by entry id. */
    public java.util.Map<Long, DecisionView> latestOf(java.util.Collection<Long> assetIds) {
        java.util.Map<Long, DecisionView> latest = new java.util.HashMap<>();
        if (!assetIds.isEmpty()) {
            jdbc.sql("""
                            select distinct on (asset_id) * from inventory.decision where asset_id = any(?)
                            order by asset_id, id desc""")
                    .param(assetIds.toArray(Long[]::new))
                    .query((java.sql.ResultSet rs) -> {
                        latest.put(rs.getLong("asset_id"), view(rs));
                    });
        }
        return latest;
    }

    private DecisionView view(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new DecisionView(rs.getLong("id"), json.readValue(rs.getString("answers"), SecrecyAnswers.class),
                SecrecyOutcome.valueOf(rs.getString("recommended")), SecrecyOutcome.valueOf(rs.getString("chosen")),
                rs.getString("reason"), (Long) rs.getObject("decided_by"), null,
                rs.getTimestamp("decided_at").toInstant());
    }
}
