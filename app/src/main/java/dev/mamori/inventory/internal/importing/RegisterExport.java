package dev.mamori.inventory.internal.importing;

import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.mamori.directory.DepartmentView;
import dev.mamori.directory.Directory;
import dev.mamori.directory.PersonView;
import dev.mamori.inventory.AccessHolder;
import dev.mamori.inventory.AssetQuery;
import dev.mamori.inventory.AssetView;
import dev.mamori.inventory.FormEntry;
import dev.mamori.inventory.ImportedFacts;
import dev.mamori.inventory.Inventory;
import dev.mamori.policy.Level;
import dev.mamori.inventory.internal.RegisterFactsRepository;
import dev.mamori.platform.InvalidInputException;
import dev.mamori.platform.tabular.ExportFormat;
import dev.mamori.platform.tabular.TableWriter;

/**
 * Exports the register (情報資産台帳) and the designation register (秘密情報管理台帳: the designated entries
 * with level, marking, access holders, secrecy period, 管理責任者, department, designation date and reason)
 * as XLSX (streamed, SXSSF) or CSV. Entries are read through {@link Inventory#forEachVisible}, so an export
 * holds exactly what the viewer's register list shows with the same filters. The register's columns are
 * those its import recognises, so an export imports back unchanged.
 */
@Service
public class RegisterExport {

    /** Which register to export. */
    public enum Kind {
        REGISTER("情報資産台帳"), DESIGNATION("秘密情報管理台帳");

        private final String sheet;

        Kind(String sheet) {
            this.sheet = sheet;
        }

        public String sheet() {
            return sheet;
        }

        public String fileName() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Kind of(String text) {
            String t = text == null || text.isBlank() ? "register" : text.strip();
            for (Kind k : values()) {
                if (k.name().equalsIgnoreCase(t)) {
                    return k;
                }
            }
            throw InvalidInputException.onField("kind", "inventory.export.kindUnknown", text);
        }
    }

    static final List<String> REGISTER_HEADERS = List.of("番号", "名称", "説明", "管理部署コード", "管理部署名", "管理責任者社員番号",
            "管理責任者名", "種別", "細分類", "形態・保管場所", "取得経緯", "相手先", "守秘義務の内容", "営業秘密", "限定提供データ",
            "個人情報", "個人情報の件数", "要配慮個人情報", "外為法該当", "契約上の守秘義務の相手先", "利用者範囲", "機密性", "完全性",
            "可用性", "重要度", "保存期限", "登録日", "段階", "不要情報", "分類", "次回見直し日");
    static final List<String> DESIGNATION_HEADERS = List.of("番号", "名称", "管理部署コード", "管理部署名", "管理責任者",
            "分類", "表示", "アクセス権者", "秘密保持期間（期日）", "秘密保持期間（事由）", "指定日", "指定者", "指定理由");
    private static final int BATCH = 500;

    private final Inventory inventory;
    private final Directory directory;
    private final RegisterFactsRepository facts;
    private final Labels labels;

    RegisterExport(Inventory inventory, Directory directory, RegisterFactsRepository facts, Labels labels) {
        this.inventory = inventory;
        this.directory = directory;
        this.facts = facts;
        this.labels = labels;
    }

    @Transactional(readOnly = true)
    public void export(Kind kind, AssetQuery query, ExportFormat format, OutputStream out) {
        Names names = new Names();
        try (TableWriter table = TableWriter.open(format, out, kind.sheet())) {
            table.row(kind == Kind.REGISTER ? REGISTER_HEADERS : DESIGNATION_HEADERS);
            inventory.forEachVisible(query, BATCH, batch -> {
                List<AssetView> rows = kind == Kind.REGISTER ? batch
                        : batch.stream().filter(AssetView::designated).toList();
                Map<Long, RegisterFactsRepository.Extras> extras = facts.find(rows.stream().map(AssetView::id).toList());
                for (AssetView a : rows) {
                    RegisterFactsRepository.Extras e = extras.get(a.id());
                    table.row(kind == Kind.REGISTER ? register(a, e.facts(), names) : designation(a, e, names));
                }
            });
        }
    }

    private List<String> register(AssetView a, ImportedFacts f, Names names) {
        var r = a.regimes();
        return cells(a.id(), a.name(), a.description(), names.code(a.departmentId()), a.departmentName(),
                names.number(a.responsiblePersonId()), a.responsibleName(), labels.japanese(a.kind()),
                a.subKind() == null ? null : labels.japanese(a.subKind()), forms(a.forms()), labels.japanese(a.origin()),
                a.originParty(), a.originDuty(), mark(r.tradeSecret()), mark(r.limitedProvisionData()),
                mark(r.personalInfo()), r.personalInfoCount(), mark(r.sensitivePersonalInfo()), mark(r.exportControlled()),
                r.contractualDuty() ? r.contractualDutyTo() : null, f.accessHint(), f.confidentiality(), f.integrity(),
                f.availability(), f.importance(), f.retention(), f.registeredOn(), labels.japanese(a.stage()),
                mark(a.unneeded()), a.designated() ? names.level(a.levelId()) : null, a.nextReviewOn());
    }

    private List<String> designation(AssetView a, RegisterFactsRepository.Extras e, Names names) {
        String holders = a.holders().stream().map(h -> labels.ja(h.kind().messageKey()) + ": " + names.holder(h))
                .collect(Collectors.joining("、"));
        return cells(a.id(), a.name(), names.code(a.departmentId()), a.departmentName(), a.responsibleName(),
                names.level(a.levelId()), a.marking(), holders, a.secretUntil(), a.secretUntilEvent(), a.designatedOn(),
                a.designatedByPersonId() == null ? null : names.person(a.designatedByPersonId()), e.designationReason());
    }

    /** 「電子化情報: \\fs01\design; 文書等: 設計室」 — read back by the import. */
    private String forms(List<FormEntry> forms) {
        return forms.stream().map(f -> labels.japanese(f.form()) + ": " + (f.location() == null ? "" : f.location()))
                .collect(Collectors.joining("; "));
    }

    private static String mark(boolean b) {
        return b ? "○" : null;
    }

    private static List<String> cells(Object... values) {
        List<String> cells = new ArrayList<>(values.length);
        for (Object v : values) {
            cells.add(v == null ? "" : v instanceof LocalDate d ? d.toString() : String.valueOf(v));
        }
        return cells;
    }

    /** Names looked up once per export. */
    private final class Names {
        private final Map<Long, DepartmentView> departments = new HashMap<>();
        private final Map<String, Level> levels = new HashMap<>();
        private final Map<Long, Optional<PersonView>> people = new HashMap<>();
        private Map<Long, String> groups;

        Names() {
            directory.listDepartments().forEach(d -> departments.put(d.id(), d));
            inventory.levels().forEach(l -> levels.put(l.code(), l));
        }

        String code(long departmentId) {
            DepartmentView d = departments.get(departmentId);
            return d == null ? null : d.code();
        }

        String level(String levelId) {
            Level l = levels.get(levelId);
            return l == null ? levelId : l.nameJa();
        }

        String number(long personId) {
            return people.computeIfAbsent(personId, directory::findPerson).map(PersonView::employeeNumber).orElse(null);
        }

        String person(long personId) {
            return people.computeIfAbsent(personId, directory::findPerson)
                    .map(p -> p.name() + "（" + p.employeeNumber() + "）").orElse(String.valueOf(personId));
        }

        String holder(AccessHolder h) {
            return switch (h.kind()) {
                case PERSON -> person(Long.parseLong(h.ref()));
                case DEPARTMENT -> Optional.ofNullable(departments.get(Long.parseLong(h.ref())))
                        .map(d -> d.nameJa() + "（" + d.code() + "）").orElse(h.ref());
                case ROLE -> labels.ja("platform.role." + h.ref());
                case GROUP -> {
                    if (groups == null) {
                        groups = inventory.projectGroups();
                    }
                    yield groups.getOrDefault(Long.parseLong(h.ref()), h.ref());
                }
            };
        }
    }
}
