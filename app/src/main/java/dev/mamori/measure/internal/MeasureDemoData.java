package dev.mamori.measure.internal;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Period;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import dev.mamori.directory.DepartmentView;
import dev.mamori.directory.Directory;
import dev.mamori.measure.MeasureView;
import dev.mamori.measure.SelectionDraft;
import dev.mamori.measure.SelectionStatus;
import dev.mamori.platform.DemoDataLoader;
import dev.mamori.policy.Level;
import dev.mamori.policy.Policy;

/**
 * The demo manufacturer's partial selection: about twenty measures of the 2022-05 catalog for 極秘 and
 * 社外秘, owned by the 管理責任者 of the departments that run them (IT, HR, legal, planning, general affairs),
 * at every status, with a few links, a file and computed evidence. Gaps are left on purpose (partners and
 * outsiders are thin) so the coverage page has something to show.
 */
@Component
class MeasureDemoData implements DemoDataLoader {

    /** code | levels (T=極秘, C=社外秘) | owner department code | status | due in days (blank none) | evidence */
    private static final String PLAN = """
            EMPLOYEE-1-a|TC|IT|IN_OPERATION||ledger
            EMPLOYEE-1-b|TC|IT|IN_OPERATION||link:https://intra.asagiri.example/it/id-policy
            EMPLOYEE-1-c|T|GA|IN_OPERATION||file:書庫B 施錠管理 点検記録.txt
            EMPLOYEE-1-e|TC|GA|IN_OPERATION||
            EMPLOYEE-2-c|T|IT|IN_PROGRESS|60|
            EMPLOYEE-2-e|TC|IT|IN_PROGRESS|-10|
            EMPLOYEE-2-j|T|IT|NOT_STARTED|90|
            EMPLOYEE-3-c|T|GA|IN_OPERATION||
            EMPLOYEE-3-o|TC|IT|IN_OPERATION||ledger
            EMPLOYEE-3-p|TC|PLAN|NEEDS_REVIEW|30|
            EMPLOYEE-4-a|TC|HR|IN_OPERATION||inventory
            EMPLOYEE-4-b|TC|HR|IN_OPERATION||link:https://intra.asagiri.example/hr/pledges
            EMPLOYEE-4-c|TC|PLAN|IN_OPERATION||
            EMPLOYEE-5-b|C|HR|NOT_STARTED||
            LEAVER-1-a|T|IT|IN_OPERATION||
            LEAVER-2-k|TC|GA|IN_OPERATION||
            LEAVER-4-a|TC|HR|IN_OPERATION||
            LEAVER-4-b|T|LEGAL|NOT_APPLICABLE||
            PARTNER-4-a|TC|LEGAL|IN_OPERATION||link:https://intra.asagiri.example/legal/nda-template
            PARTNER-1-a|T|PLAN|IN_PROGRESS|45|
            OUTSIDER-1-f|TC|IT|IN_OPERATION||ledger
            OUTSIDER-3-c|C|GA|NOT_STARTED|-5|
            """;

    private final MeasureService service;
    private final CatalogRepository catalog;
    private final Directory directory;
    private final Policy policy;

    MeasureDemoData(MeasureService service, CatalogRepository catalog, Directory directory, Policy policy) {
        this.service = service;
        this.catalog = catalog;
        this.directory = directory;
        this.policy = policy;
    }

    @Override
    public int order() {
        return 400;
    }

    @Override
    public void load() {
        List<Level> levels = policy.levels();
        if (levels.size() < 2) {
            return;
        }
        String strict = levels.get(0).code();
        String internal = levels.get(1).code();
        Map<String, Long> owners = new HashMap<>();
        for (DepartmentView d : directory.listDepartments()) {
            if (!d.managers().isEmpty()) {
                owners.put(d.code(), d.managers().get(0).id());
            }
        }
        Map<String, MeasureView> byCode = new HashMap<>();
        String version = catalog.versions().get(0).code();
        catalog.ofVersion(version).forEach(m -> byCode.put(m.code(), m));
        LocalDate today = service.today();
        for (String line : PLAN.strip().split("\n")) {
            String[] f = line.split("\\|", -1);
            MeasureView m = byCode.get(f[0]);
            if (m == null) {
                continue;
            }
            List<String> lv = f[1].equals("TC") ? List.of(strict, internal) : List.of(f[1].equals("T") ? strict : internal);
            SelectionStatus status = SelectionStatus.valueOf(f[3]);
            String reason = status == SelectionStatus.NOT_APPLICABLE
                    ? "研究開発の中心人物は少なく、競業避止より退職時の秘密保持誓約と返還確認で足りると判断（委員会 決定）" : null;
            LocalDate due = f[4].isBlank() ? null : today.plusDays(Long.parseLong(f[4]));
            var selection = service.selectUnchecked(new SelectionDraft(m.id(), lv, owners.get(f[2]), status, reason, due,
                    Period.ofMonths(12), null));
            String evidence = f[5];
            if (evidence.equals("ledger")) {
                service.addComputedUnchecked(selection.id(), LedgerEvidenceSource.KEY, "system");
            } else if (evidence.equals("inventory")) {
                service.addComputedUnchecked(selection.id(), InventoryEvidenceSource.KEY, "system");
            } else if (evidence.startsWith("file:")) {
                String name = evidence.substring(5);
                String body = "書庫B 施錠管理 点検記録\n" + today.minusMonths(1) + " 施錠・鍵貸出台帳を確認 異常なし\n";
                service.addFileUnchecked(selection.id(), name, name,
                        new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)), "system");
            } else if (evidence.startsWith("link:")) {
                service.addLinkUnchecked(selection.id(), null, evidence.substring(5), "system");
            }
        }
    }
}
