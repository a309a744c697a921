package dev.mamori.measure.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Component;

import dev.mamori.directory.DepartmentView;
import dev.mamori.directory.Directory;
import dev.mamori.inventory.AccessHolder;
import dev.mamori.inventory.AssetDesignation;
import dev.mamori.inventory.Inventory;
import dev.mamori.measure.PublicityCheck;
import dev.mamori.measure.PublicityCheckDraft;
import dev.mamori.platform.DemoDataLoader;

/**
 * The demo company's publicity checks (非公知性), so that its secrets stand at visibly different readiness: the
 * first 社外秘 secret held by a whole department (access restricted to its members, who signed pledges and were
 * asked to acknowledge the regulation) was checked recently and is the well prepared one; the second was last
 * checked twenty months ago (middling); the first 極秘 secret, open to a role, has never been checked (weak).
 * Every third further 社外秘 secret has a recent check, and one 極秘 secret was found in a patent publication.
 * Checks go through the readiness service and are recorded in the ledger. Runs after the other modules' demo
 * data (pledges, acknowledgements, measures).
 */
@Component
class ReadinessDemoData implements DemoDataLoader {

    private final ReadinessService readiness;
    private final Inventory inventory;
    private final Directory directory;

    ReadinessDemoData(ReadinessService readiness, Inventory inventory, Directory directory) {
        this.readiness = readiness;
        this.inventory = inventory;
        this.directory = directory;
    }

    /** The three secrets the demo shows at different readiness. */
    record Chosen(long wellPrepared, long middling, long weak, List<Long> alsoChecked, Long found) {
    }

    @Override
    public int order() {
        return 700;
    }

    @Override
    public void load() {
        List<AssetDesignation> secrets = new ArrayList<>();
        inventory.forEachDesignation(500, page -> secrets.addAll(page));
        Chosen chosen = choose(secrets);
        if (chosen == null) {
            return;
        }
        LocalDate today = readiness.today();
        Long checker = directory.findDepartmentByCode("LEGAL").map(DepartmentView::managers)
                .filter(m -> !m.isEmpty()).map(m -> m.get(0).id()).orElse(null);
        String by = checker == null ? "法務部" : directory.personNames(List.of(checker)).getOrDefault(checker, "法務部");
        check(chosen.wellPrepared(), today.minusDays(20), "J-PlatPat（特許・実用新案）、自社Webサイト・製品カタログ、学会発表の一覧",
                PublicityCheck.Result.NOT_FOUND, "該当なし。展示会資料にも記載がないことを確認", checker, by);
        check(chosen.middling(), today.minusMonths(20), "J-PlatPat（特許・実用新案）", PublicityCheck.Result.NOT_FOUND,
                null, checker, by);
        for (long id : chosen.alsoChecked()) {
            check(id, today.minusDays(45), "J-PlatPat、自社Webサイト", PublicityCheck.Result.NOT_FOUND, null, checker, by);
        }
        if (chosen.found() != null) {
            check(chosen.found(), today.minusDays(7), "J-PlatPat（公開特許公報）", PublicityCheck.Result.FOUND,
                    "他社の公開特許公報に同様の条件の記載あり。管理の継続を委員会で検討", checker, by);
        }
    }

    /**
     * The designated secrets (not disposed) the demo uses, by id: 社外秘 held by a department only are candidates
     * for the well prepared and middling secrets, 極秘 with a role among its holders for the weak one.
     */
    static Chosen choose(List<AssetDesignation> designations) {
        List<AssetDesignation> live = designations.stream().filter(d -> d.levelId() != null && !d.disposed())
                .sorted(Comparator.comparingLong(AssetDesignation::assetId)).toList();
        List<AssetDesignation> departmentHeld = live.stream().filter(d -> "CONFIDENTIAL".equals(d.levelId()))
                .filter(d -> !d.holders().isEmpty() && d.holders().stream().allMatch(h -> h.kind() == AccessHolder.Kind.DEPARTMENT))
                .toList();
        List<AssetDesignation> roleHeld = live.stream().filter(d -> "TOP_SECRET".equals(d.levelId()))
                .filter(d -> d.holders().stream().anyMatch(h -> h.kind() == AccessHolder.Kind.ROLE)).toList();
        if (departmentHeld.size() < 2 || roleHeld.isEmpty()) {
            return null;
        }
        List<Long> also = new ArrayList<>();
        for (int i = 2; i < departmentHeld.size(); i += 3) {
            also.add(departmentHeld.get(i).assetId());
        }
        Long found = roleHeld.size() > 1 ? roleHeld.get(1).assetId() : null;
        return new Chosen(departmentHeld.get(0).assetId(), departmentHeld.get(1).assetId(), roleHeld.get(0).assetId(),
                also, found);
    }

    private void check(long assetId, LocalDate on, String sources, PublicityCheck.Result result, String note,
                       Long checker, String by) {
        readiness.recordPublicityCheckUnchecked(assetId, new PublicityCheckDraft(on, sources, result, note), checker, by);
    }
}
