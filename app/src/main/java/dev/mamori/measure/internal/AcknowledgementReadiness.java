package dev.mamori.measure.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.mamori.measure.Indicator;
import dev.mamori.measure.ReadinessContributor;
import dev.mamori.measure.ReadinessIndicator;
import dev.mamori.measure.ReadinessIndicator.Missing;
import dev.mamori.measure.SecretUnderReview;
import dev.mamori.policy.Policy;
import dev.mamori.policy.RegulationAcknowledgements;

/**
 * Whether the secret's access holders acknowledged the newest 秘密情報管理規程 (policy's acknowledgements): the
 * share of holders who did; holders it was not addressed to and holders still pending are the missing pieces.
 */
@Component
class AcknowledgementReadiness implements ReadinessContributor {

    private final Policy policy;

    AcknowledgementReadiness(Policy policy) {
        this.policy = policy;
    }

    @Override
    public List<ReadinessIndicator> indicators(SecretUnderReview s) {
        return List.of(indicator(s, policy.regulationAcknowledgements(s.holderPersonIds()).orElse(null)));
    }

    /**
     * One question to policy for the holders of all the secrets together: the acknowledgements are per person,
     * so each secret's share is read from the same answer.
     */
    @Override
    public Map<Long, List<ReadinessIndicator>> indicators(List<SecretUnderReview> secrets) {
        Set<Long> people = new HashSet<>();
        secrets.forEach(s -> people.addAll(s.holderPersonIds()));
        RegulationAcknowledgements acks = policy.regulationAcknowledgements(people).orElse(null);
        Map<Long, List<ReadinessIndicator>> all = new LinkedHashMap<>();
        secrets.forEach(s -> all.put(s.assetId(), List.of(indicator(s, acks))));
        return all;
    }

    static ReadinessIndicator indicator(SecretUnderReview s, RegulationAcknowledgements acks) {
        if (acks == null) {
            return new ReadinessIndicator(Indicator.REGULATION_ACKNOWLEDGED, 0, "policy",
                    "measure.readiness.summary.noRegulation", List.of(),
                    List.of(Missing.of("measure.readiness.missing.noRegulation", "measure.readiness.action.noRegulation")));
        }
        if (s.holderPersonIds().isEmpty()) {
            return new ReadinessIndicator(Indicator.REGULATION_ACKNOWLEDGED, 0, "policy",
                    "measure.readiness.summary.acknowledged", List.of(acks.versionNumber(), 0, 0),
                    List.of(Missing.of("measure.readiness.missing.noHolderPeople", "measure.readiness.action.noHolders")));
        }
        long done = s.holderPersonIds().stream().filter(acks.acknowledged()::containsKey).count();
        long notAsked = s.holderPersonIds().stream().filter(p -> !acks.asked().contains(p)).count();
        long pending = s.holderPersonIds().size() - done - notAsked;
        List<Missing> missing = new ArrayList<>();
        if (pending > 0) {
            missing.add(Missing.of("measure.readiness.missing.ackPending", "measure.readiness.action.ackPending",
                    pending, acks.versionNumber()));
        }
        if (notAsked > 0) {
            missing.add(Missing.of("measure.readiness.missing.ackNotAsked", "measure.readiness.action.ackNotAsked",
                    notAsked, acks.versionNumber()));
        }
        return new ReadinessIndicator(Indicator.REGULATION_ACKNOWLEDGED,
                ReadinessIndicator.share(done, s.holderPersonIds().size()), "policy",
                "measure.readiness.summary.acknowledged", List.of(acks.versionNumber(), done, s.holderPersonIds().size()),
                missing);
    }
}
