package dev.mamori.measure.internal;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import dev.mamori.directory.DepartmentView;
import dev.mamori.directory.Directory;
import dev.mamori.directory.PersonView;
import dev.mamori.inventory.AccessHolder;
import dev.mamori.inventory.AssetView;
import dev.mamori.inventory.Inventory;
import dev.mamori.ledger.LedgerEntry;
import dev.mamori.measure.PublicityCheck;
import dev.mamori.measure.Readiness;
import dev.mamori.measure.ReadinessIndicator;
import dev.mamori.measure.Selection;
import dev.mamori.platform.pdf.PdfReport;
import dev.mamori.policy.Policy;
import dev.mamori.policy.RegulationAcknowledgements;

/**
 * The dossier of one secret for legal counsel: the entry and its designation, the readiness indicators, the
 * access holders with their acknowledgement of the regulation, the measures of its level, the publicity
 * checks and the audit trail entries about the entry, oldest first. Written with platform's {@link PdfReport}
 * (the policy documents' renderer is internal to policy).
 */
@Component
class DossierWriter {

    static final String ATTRIBUTION = "出典：経済産業省「秘密情報の保護ハンドブック」(令和4年5月改訂)";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.of("Asia/Tokyo"));

    private final Inventory inventory;
    private final Directory directory;
    private final Policy policy;
    private final MeasureService measures;
    private final MessageSource messages;

    DossierWriter(Inventory inventory, Directory directory, Policy policy, MeasureService measures,
                  MessageSource messages) {
        this.inventory = inventory;
        this.directory = directory;
        this.policy = policy;
        this.measures = measures;
        this.messages = messages;
    }

    byte[] write(AssetView a, Readiness r, List<PublicityCheck> checks, Locale locale, Path font) {
        Function<String, String> t = key -> messages.getMessage(key, null, key, locale);
        Map<Long, DepartmentView> departments = directory.listDepartments().stream()
                .collect(Collectors.toMap(DepartmentView::id, d -> d));
        PdfReport pdf = PdfReport.create(t.apply("measure.dossier.title") + " " + a.name(), "Mamori", font);
        pdf.title(t.apply("measure.dossier.title") + "：" + a.name());
        pdf.note(msg("measure.dossier.generated", locale, measures.today().toString()));

        pdf.heading(t.apply("measure.dossier.entry"));
        DepartmentView dept = departments.get(a.departmentId());
        pdf.table(new float[] {1, 3}, List.of(t.apply("measure.dossier.field"), t.apply("measure.dossier.value")), List.of(
                List.of(t.apply("measure.dossier.name"), a.name()),
                List.of(t.apply("measure.dossier.level"), r.levelName() + " (" + a.levelId() + ")"),
                List.of(t.apply("measure.dossier.marking"), nz(a.marking())),
                List.of(t.apply("measure.dossier.designatedOn"), String.valueOf(a.designatedOn())),
                List.of(t.apply("measure.dossier.department"), dept == null ? "#" + a.departmentId() : dept.name(locale)),
                List.of(t.apply("measure.dossier.responsible"), nz(a.responsibleName())),
                List.of(t.apply("measure.dossier.secretUntil"), a.secretUntil() != null ? a.secretUntil().toString()
                        : nz(a.secretUntilEvent()))));

        pdf.heading(t.apply("measure.dossier.readiness"));
        List<List<String>> rows = new ArrayList<>();
        for (Readiness.RequirementScore s : r.requirements()) {
            rows.add(List.of(t.apply(s.requirement().messageKey()), "", s.score() + "", ""));
        }
        for (ReadinessIndicator i : r.indicators()) {
            rows.add(List.of(t.apply(i.indicator().requirement().messageKey()), t.apply(i.indicator().messageKey()),
                    String.valueOf(i.score()), i.missing().stream().map(m -> msg(m.messageKey(), locale, m.args().toArray())
                            + " → " + t.apply(m.actionKey())).collect(Collectors.joining("\n"))));
        }
        pdf.table(new float[] {1.2f, 2, 0.6f, 4}, List.of(t.apply("measure.dossier.requirement"),
                t.apply("measure.dossier.indicator"), t.apply("measure.dossier.score"), t.apply("measure.dossier.missing")), rows);

        pdf.heading(t.apply("measure.dossier.holders"));
        Map<Long, String> groups = inventory.projectGroups();
        Set<Long> people = inventory.holderPeople(a.id());
        pdf.table(new float[] {1, 3}, List.of(t.apply("measure.dossier.holderKind"), t.apply("measure.dossier.holder")),
                a.holders().stream().map(h -> List.of(t.apply(h.kind().messageKey()), holderName(h, departments, groups, locale)))
                        .toList());
        RegulationAcknowledgements acks = policy.regulationAcknowledgements(people).orElse(null);
        pdf.heading(t.apply("measure.dossier.acknowledgements"));
        if (acks == null) {
            pdf.paragraph(t.apply("measure.readiness.missing.noRegulation"));
        } else {
            pdf.paragraph(msg("measure.dossier.regulationVersion", locale, acks.versionNumber()));
            List<List<String>> ackRows = new ArrayList<>();
            for (Long p : people.stream().sorted().toList()) {
                PersonView person = directory.findPerson(p).orElse(null);
                String state = acks.acknowledged().containsKey(p) ? TIME.format(acks.acknowledged().get(p))
                        : acks.asked().contains(p) ? t.apply("measure.dossier.ackPending") : t.apply("measure.dossier.ackNotAsked");
                ackRows.add(List.of(person == null ? "#" + p : person.employeeNumber(), person == null ? "" : person.name(), state));
            }
            pdf.table(new float[] {1, 2, 2}, List.of(t.apply("measure.dossier.employeeNumber"),
                    t.apply("measure.dossier.person"), t.apply("measure.dossier.acknowledgedAt")), ackRows);
        }

        pdf.heading(t.apply("measure.dossier.measures"));
        List<Selection> selections = measures.allUnchecked().stream()
                .filter(s -> s.levelCodes().contains(a.levelId())).toList();
        pdf.table(new float[] {0.8f, 4, 1.2f, 1.5f}, List.of(t.apply("measure.dossier.code"), t.apply("measure.dossier.measure"),
                t.apply("measure.dossier.status"), t.apply("measure.dossier.owner")), selections.stream()
                .map(s -> List.of(nz(s.measure().code()), s.measure().title(locale), t.apply(s.status().messageKey()), nz(s.ownerName())))
                .toList());

        pdf.heading(t.apply("measure.dossier.publicity"));
        pdf.table(new float[] {1, 1.5f, 3, 1, 2}, List.of(t.apply("measure.dossier.checkedOn"), t.apply("measure.dossier.checkedBy"),
                t.apply("measure.dossier.sources"), t.apply("measure.dossier.result"), t.apply("measure.dossier.note")),
                checks.stream().map(c -> List.of(c.checkedOn().toString(), c.checkedBy(), c.sources(),
                        t.apply(c.result().messageKey()), nz(c.note()))).toList());

        pdf.heading(t.apply("measure.dossier.trail"));
        List<LedgerEntry> trail = new ArrayList<>(inventory.timeline(a.id()));
        Collections.reverse(trail);
        pdf.table(new float[] {0.6f, 1.4f, 1.2f, 2.2f, 4}, List.of("#", t.apply("measure.dossier.when"),
                t.apply("measure.dossier.who"), t.apply("measure.dossier.action"), t.apply("measure.dossier.details")),
                trail.stream().map(e -> List.of(String.valueOf(e.seq()), TIME.format(e.recordedAt()),
                        nz(e.actor().username()), e.action(), abbreviate(e.detailsJson()))).toList());
        pdf.note(t.apply("measure.dossier.trailNote"));
        pdf.note(ATTRIBUTION);
        return pdf.finish("Mamori — " + a.name() + " — " + ATTRIBUTION);
    }

    private String holderName(AccessHolder h, Map<Long, DepartmentView> departments, Map<Long, String> groups,
                              Locale locale) {
        return switch (h.kind()) {
            case PERSON -> directory.findPerson(Long.parseLong(h.ref())).map(p -> p.employeeNumber() + " " + p.name())
                    .orElse("#" + h.ref());
            case DEPARTMENT -> {
                DepartmentView d = departments.get(Long.parseLong(h.ref()));
                yield d == null ? "#" + h.ref() : d.name(locale);
            }
            case GROUP -> groups.getOrDefault(Long.parseLong(h.ref()), "#" + h.ref());
            case ROLE -> h.ref();
        };
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        return s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
