package dev.mamori.policy.internal.documents;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.mamori.directory.DepartmentView;
import dev.mamori.directory.Directory;
import dev.mamori.platform.DemoDataLoader;

/**
 * The demo company's regulations: all four documents published as version 1 by the 統括責任者's office,
 * the 規程 and 基準 three weeks ago (now overdue for those who have not acknowledged them), the others ten
 * days ago. Every department's 管理責任者 and about two thirds (規程, 基準) or two fifths (the others) of
 * the other people have acknowledged them, chosen by their 社員番号 so a day's demo is always the same.
 * Skipped, with a warning, when no Japanese font is installed for the PDFs.
 */
@Component
class DocumentsDemoData implements DemoDataLoader {

    private static final Logger log = LoggerFactory.getLogger(DocumentsDemoData.class);
    static final String PUBLISHER = "統括責任者室（デモ）";

    private final Documents documents;
    private final Acknowledgements acknowledgements;
    private final Directory directory;

    DocumentsDemoData(Documents documents, Acknowledgements acknowledgements, Directory directory) {
        this.documents = documents;
        this.acknowledgements = acknowledgements;
        this.directory = directory;
    }

    @Override
    public int order() {
        return 300;
    }

    @Override
    public void load() {
        try {
            documents.font();
        } catch (dev.mamori.platform.pdf.PdfFontMissingException e) {
            log.warn("Demo regulations not published: no Japanese TrueType font for their PDFs (install {}).",
                    dev.mamori.platform.pdf.PdfFonts.PACKAGE);
            return;
        }
        Set<Long> managers = new HashSet<>();
        directory.listDepartments().stream().filter(DepartmentView::active)
                .forEach(d -> d.managers().forEach(m -> managers.add(m.id())));
        LocalDate today = documents.today();
        publish(DocumentKind.REGULATION, today.minusDays(21), managers, 67);
        publish(DocumentKind.STANDARD, today.minusDays(21), managers, 67);
        publish(DocumentKind.WORK_RULES, today.minusDays(10), managers, 40);
        publish(DocumentKind.TELEWORK, today.minusDays(10), managers, 40);
    }

    private void publish(DocumentKind kind, LocalDate on, Set<Long> managers, int percent) {
        Instant at = on.atTime(LocalTime.of(10, 0)).atZone(Directory.JAPAN).toInstant();
        VersionSummary version = documents.publish(kind, on, List.of(), at, on.plusDays(14), null, PUBLISHER);
        List<PersonAcknowledgement> done = new ArrayList<>();
        List<Instant> times = new ArrayList<>();
        for (PersonAcknowledgement a : acknowledgements.addressees(version)) {
            int bucket = Math.floorMod(a.employeeNumber().hashCode() * 31 + kind.ordinal(), 100);
            if (managers.contains(a.personId()) || bucket < percent) {
                done.add(a);
                times.add(at.plusSeconds(3600L * (2 + bucket % 200)));
            }
        }
        acknowledgements.acknowledgeForDemo(version, done, times);
        log.info("Demo: published {} version 1 to {} people, {} acknowledged.", kind.titleJa(),
                acknowledgements.addressees(version).size(), done.size());
    }
}
