package dev.mamori.inventory.internal;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.mamori.inventory.Criterion;
import dev.mamori.inventory.EvaluationDraft;
import dev.mamori.inventory.EvaluationView;
import dev.mamori.inventory.ScaleStep;

/**
 * SQL of evaluations, the criteria and the scale.
 */
@Repository
public class EvaluationRepository {

    private final JdbcClient jdbc;

    EvaluationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Criterion> criteria() {
        return jdbc.sql("select * from inventory.criterion order by position")
                .query((rs, i) -> new Criterion(rs.getString("code"), rs.getString("name_ja"), rs.getString("name_en"))).list();
    }

    public List<ScaleStep> scale() {
        return jdbc.sql("select * from inventory.scale_step order by value")
                .query((rs, i) -> new ScaleStep(rs.getInt("value"), rs.getString("label_ja"), rs.getString("label_en"),
                        rs.getString("descriptor_ja"), rs.getString("descriptor_en"))).list();
    }

    public long insert(long assetId, Long byPersonId, int total, EvaluationDraft d) {
        long id = jdbc.sql("""
                        insert into inventory.evaluation (asset_id, evaluated_by, total, loss_min_yen, loss_max_yen, note)
                        values (?, ?, ?, ?, ?, ?) returning id""")
                .params(assetId, byPersonId, total, d.lossMinYen(), d.lossMaxYen(),
                        d.note() == null || d.note().isBlank() ? null : d.note().strip())
                .query(Long.class).single();
        d.scores().forEach((criterion, s) -> jdbc.sql(
                        "insert into inventory.evaluation_score (evaluation_id, criterion, score, rationale) values (?, ?, ?, ?)")
                .params(id, criterion, s.score(), s.rationale().strip()).update());
        return id;
    }

    public List<EvaluationView> history(long assetId) {
        List<EvaluationView> list = jdbc.sql("select * from inventory.evaluation where asset_id = ? order by id desc")
                .param(assetId)
                .query((rs, i) -> new EvaluationView(rs.getLong("id"), rs.getLong("asset_id"),
                        (Long) rs.getObject("evaluated_by"), null, rs.getTimestamp("evaluated_at").toInstant(),
                        rs.getInt("total"), rs.getLong("loss_min_yen"), rs.getLong("loss_max_yen"), rs.getString("note"),
                        List.of())).list();
        if (list.isEmpty()) {
            return list;
        }
        Map<Long, List<EvaluationView.ScoreView>> scores = new HashMap<>();
        jdbc.sql("""
                        select s.* from inventory.evaluation_score s join inventory.evaluation e on e.id = s.evaluation_id
                        join inventory.criterion c on c.code = s.criterion where e.asset_id = ? order by c.position""")
                .param(assetId).query((ResultSet rs) -> {
                    scores.computeIfAbsent(rs.getLong("evaluation_id"), k -> new ArrayList<>())
                            .add(new EvaluationView.ScoreView(rs.getString("criterion"), rs.getInt("score"), rs.getString("rationale")));
                });
        return list.stream().map(e -> new EvaluationView(e.id(), e.assetId(), e.evaluatedByPersonId(), null, e.evaluatedAt(),
                e.total(), e.lossMinYen(), e.lossMaxYen(), e.note(), scores.getOrDefault(e.id(), List.of()))).toList();
    }

    /** The newest evaluation of each of the entries that has one, with its scores (no evaluator name), by entry id. */
    public Map<Long, EvaluationView> latestOf(java.util.Collection<Long> assetIds) {
        Map<Long, EvaluationView> latest = new HashMap<>();
        if (assetIds.isEmpty()) {
            return latest;
        }
        List<EvaluationView> rows = jdbc.sql("""
                        select distinct on (asset_id) * from inventory.evaluation where asset_id = any(?)
                        order by asset_id, id desc""")
                .param(assetIds.toArray(Long[]::new))
                .query((rs, i) -> new EvaluationView(rs.getLong("id"), rs.getLong("asset_id"),
                        (Long) rs.getObject("evaluated_by"), null, rs.getTimestamp("evaluated_at").toInstant(),
                        rs.getInt("total"), rs.getLong("loss_min_yen"), rs.getLong("loss_max_yen"), rs.getString("note"),
                        List.of())).list();
        if (rows.isEmpty()) {
            return latest;
        }
        Map<Long, List<EvaluationView.ScoreView>> scores = new HashMap<>();
        jdbc.sql("""
                        select s.* from inventory.evaluation_score s join inventory.criterion c on c.code = s.criterion
                        where s.evaluation_id = any(?) order by s.evaluation_id, c.position""")
                .param(rows.stream().map(EvaluationView::id).toArray(Long[]::new)).query((ResultSet rs) -> {
                    scores.computeIfAbsent(rs.getLong("evaluation_id"), k -> new ArrayList<>())
                            .add(new EvaluationView.ScoreView(rs.getString("criterion"), rs.getInt("score"), rs.getString("rationale")));
                });
        for (EvaluationView e : rows) {
            latest.put(e.assetId(), new EvaluationView(e.id(), e.assetId(), e.evaluatedByPersonId(), null, e.evaluatedAt(),
                    e.total(), e.lossMinYen(), e.lossMaxYen(), e.note(), scores.getOrDefault(e.id(), List.of())));
        }
        return latest;
    }

    /** The entry's percent rank (0 lowest .. 1 highest) among the latest evaluations of all live entries. */
    public Optional<Double> percentRank(long assetId) {
        return jdbc.sql("""
                        select pr from (
                          select a.id, case when count(*) over () = 1 then 1.0
                                            else percent_rank() over (order by e.total) end as pr
                          from inventory.asset a join inventory.evaluation e on e.id = a.latest_evaluation_id
                          where a.stage <> 'DISPOSED') ranked
                        where id = ?""")
                .param(assetId).query(Double.class).optional();
    }

    public void markLatest(long assetId, long evaluationId, java.time.LocalDate nextReviewOn) {
        jdbc.sql("update inventory.asset set latest_evaluation_id = ?, next_review_on = ?, updated_at = now() where id = ?")
                .params(evaluationId, java.sql.Date.valueOf(nextReviewOn), assetId).update();
    }
}
