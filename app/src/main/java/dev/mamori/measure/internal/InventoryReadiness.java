package dev.mamori.measure.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.mamori.inventory.DecisionView;
import dev.mamori.inventory.EvaluationView;
import dev.mamori.inventory.Inventory;
import dev.mamori.measure.Indicator;
import dev.mamori.measure.ReadinessContributor;
import dev.mamori.measure.ReadinessIndicator;
import dev.mamori.measure.ReadinessIndicator.Missing;
import dev.mamori.measure.SecretUnderReview;

/**
 * What the register shows about a secret: designated and marked, access restricted to named holders (role
 * holders cannot be checked person by person, so they cost a fifth), and the recorded reason it is useful
 * (an evaluation with its rationales, and the secrecy decision with its reason: half each).
 */
@Component
class InventoryReadiness implements ReadinessContributor {

    private final Inventory inventory;

    InventoryReadiness(Inventory inventory) {
        this.inventory = inventory;
    }

    @Override
    public List<ReadinessIndicator> indicators(SecretUnderReview s) {
        return List.of(designation(s), access(s), usefulness(s));
    }

    static ReadinessIndicator designation(SecretUnderReview s) {
        boolean marked = s.marking() != null && !s.marking().isBlank();
        return new ReadinessIndicator(Indicator.DESIGNATED_AND_MARKED, marked ? 100 : 50, "inventory",
                "measure.readiness.summary.designated", List.of(s.levelCode(), marked ? s.marking() : "-",
                String.valueOf(s.designatedOn())),
                marked ? List.of() : List.of(Missing.of("measure.readiness.missing.marking", "measure.readiness.action.marking")));
    }

    static ReadinessIndicator access(SecretUnderReview s) {
        List<Missing> missing = new ArrayList<>();
        int score = 100;
        if (s.holderCount() == 0) {
            score = 0;
            missing.add(Missing.of("measure.readiness.missing.noHolders", "measure.readiness.action.noHolders"));
        } else if (!s.holderRoles().isEmpty()) {
            score = 80;
            missing.add(Missing.of("measure.readiness.missing.roleHolders", "measure.readiness.action.roleHolders",
                    String.join(", ", s.holderRoles())));
        }
        return new ReadinessIndicator(Indicator.ACCESS_RESTRICTED, score, "inventory",
                "measure.readiness.summary.holders", List.of(s.holderCount(), s.holderPersonIds().size()), missing);
    }

    /** The same indicators for many secrets with two queries in all (the usefulness records read at once). */
    @Override
    public Map<Long, List<ReadinessIndicator>> indicators(List<SecretUnderReview> secrets) {
        List<Long> ids = secrets.stream().map(SecretUnderReview::assetId).toList();
        Map<Long, EvaluationView> evaluations = inventory.latestEvaluations(ids);
        Map<Long, DecisionView> decisions = inventory.latestDecisions(ids);
        Map<Long, List<ReadinessIndicator>> all = new LinkedHashMap<>();
        for (SecretUnderReview s : secrets) {
            all.put(s.assetId(), List.of(designation(s), access(s),
                    usefulness(evaluations.get(s.assetId()), decisions.get(s.assetId()))));
        }
        return all;
    }

    private ReadinessIndicator usefulness(SecretUnderReview s) {
        List<EvaluationView> evaluations = inventory.evaluations(s.assetId());
        List<DecisionView> decisions = inventory.decisions(s.assetId());
        return usefulness(evaluations.isEmpty() ? null : evaluations.get(0), decisions.isEmpty() ? null : decisions.get(0));
    }

    /** From the newest evaluation and the newest secrecy decision (either may be null). */
    static ReadinessIndicator usefulness(EvaluationView evaluation, DecisionView decision) {
        List<Missing> missing = new ArrayList<>();
        int score = 0;
        boolean rationale = evaluation != null && evaluation.scores().stream()
                .anyMatch(x -> x.rationale() != null && !x.rationale().isBlank());
        if (rationale) {
            score += 50;
        } else {
            missing.add(Missing.of("measure.readiness.missing.noEvaluation", "measure.readiness.action.noEvaluation"));
        }
        if (decision != null && decision.reason() != null && !decision.reason().isBlank()) {
            score += 50;
        } else {
            missing.add(Missing.of("measure.readiness.missing.noDecision", "measure.readiness.action.noDecision"));
        }
        return new ReadinessIndicator(Indicator.USEFULNESS_RECORDED, score, "inventory",
                "measure.readiness.summary.usefulness", List.of(
                        evaluation == null ? "-" : String.valueOf(evaluation.total()),
                        decision == null || decision.reason() == null ? "-" : decision.reason()), missing);
    }
}
