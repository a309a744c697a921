package dev.mamori.agreement.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import dev.mamori.measure.Indicator;
import dev.mamori.measure.ReadinessContributor;
import dev.mamori.measure.ReadinessIndicator;
import dev.mamori.measure.SecretUnderReview;

/**
 * Trade-secret readiness from the pledge register: how many of a secret's access holders have signed a pledge
 * that binds them to it — best a project pledge naming this very secret (the handbook asks that pledges name
 * the secrets concretely), otherwise the general joining pledge still in force. A named pledge counts fully, a
 * general one for {@value #GENERAL_WEIGHT} %: it shows the duty, but not that the person knew this secret was one.
 * For many secrets at once the register is read in two queries for all of them.
 */
@Component
class PledgeReadiness implements ReadinessContributor {

    /** How much a general (joining) pledge counts beside a pledge naming the secret; Mamori's own weighting. */
    static final int GENERAL_WEIGHT = 70;

    private final JdbcClient jdbc;

    PledgeReadiness(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<ReadinessIndicator> indicators(SecretUnderReview secret) {
        return indicators(List.of(secret)).get(secret.assetId());
    }

    @Override
    public Map<Long, List<ReadinessIndicator>> indicators(List<SecretUnderReview> secrets) {
        Set<Long> everyone = new HashSet<>();
        secrets.forEach(s -> everyone.addAll(s.holderPersonIds()));
        Long[] people = everyone.toArray(Long[]::new);
        Long[] assets = secrets.stream().filter(s -> !s.holderPersonIds().isEmpty()).map(SecretUnderReview::assetId)
                .toArray(Long[]::new);
        Map<Long, Set<Long>> namedByAsset = new HashMap<>();
        Set<Long> general = new HashSet<>();
        if (people.length > 0) {
            jdbc.sql("""
                            select distinct s.asset_id, p.person_id from agreement.pledge p
                            join agreement.project_secret s on s.project_key = p.project_key and s.asset_id = any(:assets)
                            where p.kind = 'PROJECT' and p.state = 'SIGNED' and p.person_id = any(:people)
                              and (p.valid_until is null or p.valid_until >= current_date)""")
                    .param("assets", assets).param("people", people)
                    .query((java.sql.ResultSet rs) -> {
                        namedByAsset.computeIfAbsent(rs.getLong(1), k -> new HashSet<>()).add(rs.getLong(2));
                    });
            general.addAll(jdbc.sql("""
                            select distinct p.person_id from agreement.pledge p
                            where p.kind = 'JOINING' and p.state = 'SIGNED' and p.person_id = any(:people)
                              and (p.valid_until is null or p.valid_until >= current_date)""")
                    .param("people", people).query(Long.class).list());
        }
        Map<Long, List<ReadinessIndicator>> all = new LinkedHashMap<>();
        for (SecretUnderReview s : secrets) {
            Set<Long> holders = s.holderPersonIds();
            Set<Long> named = new HashSet<>(namedByAsset.getOrDefault(s.assetId(), Set.of()));
            named.retainAll(holders);
            Set<Long> generalOnly = new HashSet<>(general);
            generalOnly.retainAll(holders);
            generalOnly.removeAll(named);
            all.put(s.assetId(), List.of(indicator(holders.size(), named.size(), generalOnly.size())));
        }
        return all;
    }

    private static ReadinessIndicator indicator(int holders, int named, int general) {
        if (holders == 0) {
            return new ReadinessIndicator(Indicator.PLEDGES_COVER_HOLDERS, 0, "agreement",
                    "agreement.readiness.summary.noHolders", List.of(),
                    List.of(ReadinessIndicator.Missing.of("agreement.readiness.missing.noHolders",
                            "agreement.readiness.action.nameHolders")));
        }
        long uncovered = holders - named - general;
        int score = (int) Math.round((100.0 * named + GENERAL_WEIGHT * general) / holders);
        List<ReadinessIndicator.Missing> missing = new ArrayList<>();
        if (uncovered > 0) {
            missing.add(ReadinessIndicator.Missing.of("agreement.readiness.missing.unsigned",
                    "agreement.readiness.action.requestPledges", uncovered, holders));
        }
        if (general > 0) {
            missing.add(ReadinessIndicator.Missing.of("agreement.readiness.missing.notNamed",
                    "agreement.readiness.action.projectPledge", general));
        }
        return new ReadinessIndicator(Indicator.PLEDGES_COVER_HOLDERS, Math.min(100, score), "agreement",
                "agreement.readiness.summary", List.of(named, general, holders), missing);
    }
}
