package dev.mamori.agreement.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
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
        Set<Long> holders = secret.holderPersonIds();
        if (holders.isEmpty()) {
            return List.of(new ReadinessIndicator(Indicator.PLEDGES_COVER_HOLDERS, 0, "agreement",
                    "agreement.readiness.summary.noHolders", List.of(),
                    List.of(ReadinessIndicator.Missing.of("agreement.readiness.missing.noHolders",
                            "agreement.readiness.action.nameHolders"))));
        }
        Long[] people = holders.toArray(Long[]::new);
        Set<Long> named = new HashSet<>(jdbc.sql("""
                        select distinct p.person_id from agreement.pledge p
                        join agreement.project_secret s on s.project_key = p.project_key and s.asset_id = :asset
                        where p.kind = 'PROJECT' and p.state = 'SIGNED' and p.person_id = any(:people)
                          and (p.valid_until is null or p.valid_until >= current_date)""")
                .param("asset", secret.assetId()).param("people", people).query(Long.class).list());
        Set<Long> general = new HashSet<>(jdbc.sql("""
                        select distinct p.person_id from agreement.pledge p
                        where p.kind = 'JOINING' and p.state = 'SIGNED' and p.person_id = any(:people)
                          and (p.valid_until is null or p.valid_until >= current_date)""")
                .param("people", people).query(Long.class).list());
        general.removeAll(named);
        long uncovered = holders.size() - named.size() - general.size();
        int score = (int) Math.round((100.0 * named.size() + GENERAL_WEIGHT * general.size()) / holders.size());
        List<ReadinessIndicator.Missing> missing = new ArrayList<>();
        if (uncovered > 0) {
            missing.add(ReadinessIndicator.Missing.of("agreement.readiness.missing.unsigned",
                    "agreement.readiness.action.requestPledges", uncovered, holders.size()));
        }
        if (!general.isEmpty()) {
            missing.add(ReadinessIndicator.Missing.of("agreement.readiness.missing.notNamed",
                    "agreement.readiness.action.projectPledge", general.size()));
        }
        return List.of(new ReadinessIndicator(Indicator.PLEDGES_COVER_HOLDERS, Math.min(100, score), "agreement",
                "agreement.readiness.summary", List.of(named.size(), general.size(), holders.size()), missing));
    }
}
