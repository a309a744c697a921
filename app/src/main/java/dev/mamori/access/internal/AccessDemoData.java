package dev.mamori.access.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import dev.mamori.access.AccessEvents;
import dev.mamori.access.AccessLevel;
import dev.mamori.access.RequestDraft;
import dev.mamori.access.RequestKind;
import dev.mamori.directory.Directory;
import dev.mamori.directory.PersonView;
import dev.mamori.inventory.AccessHolder;
import dev.mamori.inventory.AssetDesignation;
import dev.mamori.inventory.Inventory;
import dev.mamori.ledger.Ledger;
import dev.mamori.ledger.Subject;
import dev.mamori.platform.DemoDataLoader;
import dev.mamori.policy.Location;
import dev.mamori.policy.Medium;
import dev.mamori.policy.Obligation;
import dev.mamori.policy.Recipient;

/**
 * The demo company's access: need-to-know grants on its designated entries to people of other departments
 * (one of them ending soon), a review due within days and one overdue, and two pending requests (access to
 * a 極秘 entry, and taking one out). Written through the repositories as the system, with ledger entries.
 */
@Component
class AccessDemoData implements DemoDataLoader {

    private final Inventory inventory;
    private final Directory directory;
    private final GrantRepository grants;
    private final RequestRepository requests;
    private final AccessSettings settings;
    private final Ledger ledger;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AccessDemoData(Inventory inventory, Directory directory, GrantRepository grants, RequestRepository requests,
                   AccessSettings settings, Ledger ledger, ApplicationEventPublisher events, Clock clock) {
        this.inventory = inventory;
        this.directory = directory;
        this.grants = grants;
        this.requests = requests;
        this.settings = settings;
        this.ledger = ledger;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 500;
    }

    @Override
    public void load() {
        List<AssetDesignation> secrets = new ArrayList<>();
        inventory.forEachDesignation(500, page -> page.stream()
                .filter(d -> d.levelId() != null && !d.disposed()).forEach(secrets::add));
        List<PersonView> people = new ArrayList<>();
        directory.forEachPerson(500, page -> page.stream().filter(p -> p.status().current() && !p.departments().isEmpty())
                .limit(200 - people.size()).forEach(people::add));
        if (secrets.isEmpty() || people.size() < 4) {
            return;
        }
        secrets.sort((a, b) -> a.levelId().equals(b.levelId()) ? Long.compare(a.assetId(), b.assetId())
                : "TOP_SECRET".equals(a.levelId()) ? -1 : 1);
        LocalDate today = LocalDate.now(clock.withZone(Directory.JAPAN));
        Instant now = clock.instant();
        String[] reasons = {"共同開発プロジェクトの担当", "品質監査への対応", "顧客向け提案書の作成", "量産立ち上げの支援",
                "特許出願の準備", "原価見直しの検討"};
        int n = 0;
        List<long[]> holders = new ArrayList<>();
        for (AssetDesignation d : secrets.subList(0, Math.min(6, secrets.size()))) {
            PersonView p = outsiderOf(d, people, n);
            if (p == null) {
                continue;
            }
            AccessLevel level = n % 2 == 0 ? AccessLevel.VIEW : AccessLevel.DOWNLOAD;
            Instant starts = now.minus(30L + n * 20L, ChronoUnit.DAYS);
            Instant ends = n == 1 ? today.plusDays(5).atStartOfDay(Directory.JAPAN).toInstant()
                    : today.plusDays(120).atStartOfDay(Directory.JAPAN).toInstant();
            long id = grants.insert(d.assetId(), AccessHolder.person(p.id()), level, reasons[n % reasons.length],
                    d.responsiblePersonId(), null, starts, ends);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("assetId", d.assetId());
            details.put("holder", "PERSON:" + p.id());
            details.put("level", level.name());
            details.put("reason", reasons[n % reasons.length]);
            ledger.record("access.grant.issued", Subject.of("grant", id), details);
            events.publishEvent(new AccessEvents.GrantIssued(id, d.assetId(), AccessHolder.Kind.PERSON,
                    String.valueOf(p.id()), level));
            holders.add(new long[]{d.assetId(), p.id(), d.responsiblePersonId()});
            n++;
        }
        if (holders.isEmpty()) {
            return;
        }
        // one review due in ten days, one overdue
        requests.reviewed(holders.get(0)[0], today.minus(settings.properties().reviewInterval()).plusDays(10), null);
        if (holders.size() > 2) {
            requests.reviewed(holders.get(2)[0], today.minus(settings.properties().reviewInterval()).minusDays(5), null);
        }
        // pending requests: access to the first secret by someone else, and taking out by a holder
        AssetDesignation first = secrets.get(0);
        PersonView asker = outsiderOf(first, people, 7);
        if (asker != null && asker.id() != holders.get(0)[1]) {
            pending(new RequestDraft(RequestKind.ACCESS, first.assetId(), AccessLevel.VIEW, "設計レビュー会議への参加のため",
                    today.plusDays(30), Medium.ELECTRONIC, Location.INSIDE_OFFICE, Recipient.NONE), asker.id(),
                    first.levelId(), Set.of(Obligation.LOG_VIEWER, Obligation.SCREEN_PRIVACY));
        }
        long[] holder = holders.get(0);
        pending(new RequestDraft(RequestKind.TAKE_OUT, holder[0], null, "顧客先での技術説明のため", null,
                Medium.ELECTRONIC, Location.OUTSIDE_OFFICE, Recipient.NONE), holder[1], first.levelId(),
                Set.of(Obligation.ENCRYPT, Obligation.CARRY_PERSONALLY));
        // a running approval: the second holder may take their entry out until the end of the day after tomorrow
        if (holders.size() > 1 && holders.get(1)[2] != 0) {
            long[] h = holders.get(1);
            LocalDate lastDay = today.plusDays(2);
            long id = requests.insert(new RequestDraft(RequestKind.TAKE_OUT, h[0], null, "展示会での製品説明のため",
                    lastDay, Medium.ELECTRONIC, Location.OUTSIDE_OFFICE, Recipient.NONE), h[1],
                    secrets.stream().filter(x -> x.assetId() == h[0]).findFirst().map(AssetDesignation::levelId).orElse(null),
                    1, Set.of(Obligation.ENCRYPT, Obligation.CARRY_PERSONALLY));
            ledger.record("access.request.submitted", Subject.of("accessRequest", id),
                    Map.of("kind", RequestKind.TAKE_OUT.name(), "assetId", h[0], "reason", "展示会での製品説明のため"));
            requests.addStep(id, h[2], null, "APPROVED", "暗号化した端末で持ち出すこと");
            Instant until = lastDay.plusDays(1).atStartOfDay(Directory.JAPAN).toInstant();
            requests.approveUntil(id, until);
            ledger.record("access.request.approved", Subject.of("accessRequest", id),
                    Map.of("by", h[2], "approvals", 1, "approvalsNeeded", 1, "status", "APPROVED", "approvedUntil", until.toString()));
            events.publishEvent(new AccessEvents.AccessRequestApproved(id, RequestKind.TAKE_OUT, h[0], h[1], null));
        }
    }

    private void pending(RequestDraft d, long requester, String level, Set<Obligation> obligations) {
        long id = requests.insert(d, requester, level, 1, obligations);
        ledger.record("access.request.submitted", Subject.of("accessRequest", id),
                Map.of("kind", d.kind().name(), "assetId", d.assetId(), "reason", d.reason()));
        events.publishEvent(new AccessEvents.AccessRequested(id, d.kind(), d.assetId(), requester));
    }

    /** A current person outside the entry's department and not its responsible person. */
    private static PersonView outsiderOf(AssetDesignation d, List<PersonView> people, int offset) {
        for (int i = 0; i < people.size(); i++) {
            PersonView p = people.get((i + offset * 7) % people.size());
            if (p.id() != d.responsiblePersonId() && p.departments().stream().noneMatch(x -> x.id() == d.departmentId())) {
                return p;
            }
        }
        return null;
    }
}
