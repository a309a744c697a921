package dev.mamori.agreement.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.mamori.agreement.NonCompeteClause;
import dev.mamori.agreement.PledgeDraft;
import dev.mamori.agreement.PledgeKind;
import dev.mamori.directory.Directory;
import dev.mamori.directory.PersonStatus;
import dev.mamori.directory.PersonView;
import dev.mamori.platform.DemoDataLoader;

/**
 * The demo company's pledges and training: most people working now signed their joining pledge, some are
 * pending, a few refused; a leaver with a non-compete clause; an e-learning with about two thirds completed.
 */
@Component
class AgreementDemoData implements DemoDataLoader {

    private static final Logger log = LoggerFactory.getLogger(AgreementDemoData.class);

    private final PledgeService pledges;
    private final Training training;
    private final Directory directory;

    AgreementDemoData(PledgeService pledges, Training training, Directory directory) {
        this.pledges = pledges;
        this.training = training;
        this.directory = directory;
    }

    @Override
    public int order() {
        return 500;
    }

    @Override
    public void load() {
        List<PersonView> working = new ArrayList<>();
        List<PersonView> leaving = new ArrayList<>();
        directory.forEachPerson(1000, page -> page.forEach(p -> {
            if (p.status() == PersonStatus.ACTIVE || p.status() == PersonStatus.ON_LEAVE) {
                working.add(p);
            } else if (p.status() == PersonStatus.LEAVING) {
                leaving.add(p);
            }
        }));
        Instant now = Instant.now();
        int signed = 0;
        int refused = 0;
        for (int i = 0; i < working.size(); i++) {
            PersonView p = working.get(i);
            Pledge pledge = pledges.request(new PledgeDraft(p.id(), PledgeKind.JOINING, List.of(), null, null, null, null,
                    p.joinedOn() == null ? null : p.joinedOn().plusDays(14)), Templates.SYSTEM);
            if (i % 10 == 7) {
                continue; // pending
            }
            if (i % 37 == 5) {
                pledges.refuseForDemo(pledge, "内容について説明を求めたい");
                refused++;
            } else {
                pledges.signForDemo(pledge, now.minus(i % 300, ChronoUnit.DAYS));
                signed++;
            }
        }
        // the first leaver signed the leaving pledge with a non-compete clause, the second refused it (the two
        // checklists the lifecycle demo works through); any further leavers' pledges stay pending
        for (int i = 0; i < leaving.size(); i++) {
            PersonView p = leaving.get(i);
            Pledge pledge = pledges.request(new PledgeDraft(p.id(), PledgeKind.LEAVING,
                    List.of("担当した製品の設計図面及び試験データ", "担当顧客の取引条件・価格表"), null, null,
                    i == 0 ? new NonCompeteClause(12, "在職中に担当した製品の開発業務を競合他社で行うこと", "500,000円") : null,
                    p.lastWorkingDay(), null), Templates.SYSTEM);
            if (i == 0) {
                pledges.signForDemo(pledge, now.minus(1, ChronoUnit.DAYS));
            } else if (i == 1) {
                pledges.refuseForDemo(pledge, "署名は拒否するが、入社時の誓約書の義務が続くことは理解した");
            }
        }
        Course course = training.createForDemo();
        training.assignForDemo(course.id());
        int completed = 0;
        for (int i = 0; i < working.size(); i++) {
            if (i % 3 != 2) {
                training.completeForDemo(course.id(), working.get(i).id(), 100);
                completed++;
            }
        }
        log.info("Demo: {} joining pledges ({} signed, {} refused), {} leaving pledges, training completed by {}.",
                working.size(), signed, refused, leaving.size(), completed);
    }
}
