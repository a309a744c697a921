package dev.mamori.vault.internal;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import dev.mamori.directory.Directory;
import dev.mamori.directory.PersonView;
import dev.mamori.platform.DemoDataLoader;
import dev.mamori.policy.DesignatedEntries;
import dev.mamori.policy.Level;
import dev.mamori.policy.Policy;
import dev.mamori.vault.Upload;
import dev.mamori.vault.internal.marking.Markers;
import dev.mamori.vault.internal.marking.SampleFiles;

/**
 * The demo company's secret documents: a PDF and a Word file under each of a few entries designated at the two
 * strictest levels (uploaded by their 管理責任者), and one meeting whose numbered copy is past its deadline.
 */
@Component
class VaultDemoData implements DemoDataLoader {

    private final VaultService service;
    private final VaultRepository repo;
    private final Policy policy;
    private final DesignatedEntries entries;
    private final Directory directory;
    private final org.springframework.beans.factory.ObjectProvider<Markers> markers;

    VaultDemoData(VaultService service, VaultRepository repo, Policy policy, DesignatedEntries entries,
                  Directory directory, org.springframework.beans.factory.ObjectProvider<Markers> markers) {
        this.service = service;
        this.repo = repo;
        this.policy = policy;
        this.entries = entries;
        this.directory = directory;
        this.markers = markers;
    }

    @Override
    public int order() {
        return 600;
    }

    @Override
    public void load() {
        List<DesignatedEntries.Entry> chosen = new ArrayList<>();
        for (Level level : policy.levels().stream().limit(2).toList()) {
            chosen.addAll(entries.atLevel(level.code()).stream().limit(2).toList());
        }
        Long overdueDocument = null;
        DesignatedEntries.Entry overdueEntry = null;
        for (DesignatedEntries.Entry e : chosen) {
            String title = e.name();
            byte[] pdf = SampleFiles.pdf(markers.getObject().font(), title, e.departmentName() + "　" + title, 2);
            long pdfDoc = service.storeAsSystem(e.assetId(), title + "（説明資料）", new Upload(title + ".pdf", "application/pdf", pdf), e.managerPersonId());
            byte[] docx = SampleFiles.docx(title, e.departmentName() + "　" + title);
            service.storeAsSystem(e.assetId(), title + "（議事メモ）", new Upload(title + ".docx", null, docx), e.managerPersonId());
            if (overdueDocument == null) {
                overdueDocument = pdfDoc;
                overdueEntry = e;
            }
        }
        if (overdueEntry != null) {
            PersonView recipient = directory.findPerson(overdueEntry.managerPersonId()).orElse(null);
            if (recipient != null) {
                service.distributeAsSystem(overdueDocument, "経営会議（デモ）", service.today().minusDays(3), recipient, overdueEntry.managerPersonId());
                // as the daily reminder would have done by now: the copy 3 days overdue is escalated (notices to the
                // distributor, the 統括責任者 and the entry's 管理責任者), so the demo shows what the copy tracker promises
                service.remindOverdueCopies();
            }
        }
    }
}
