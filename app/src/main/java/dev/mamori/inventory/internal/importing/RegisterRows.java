package dev.mamori.inventory.internal.importing;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.mamori.directory.DepartmentView;
import dev.mamori.directory.PersonView;
import dev.mamori.inventory.AssetDraft;
import dev.mamori.inventory.AssetKind;
import dev.mamori.inventory.AssetSubKind;
import dev.mamori.inventory.FormEntry;
import dev.mamori.inventory.ImportedEntry;
import dev.mamori.inventory.ImportedFacts;
import dev.mamori.inventory.LegalRegimes;
import dev.mamori.inventory.Origin;
import dev.mamori.inventory.internal.AssetNameRule;
import dev.mamori.platform.tabular.Dates;
import dev.mamori.platform.tabular.Headers;

/**
 * Turns the data rows of an imported register into {@link ImportedEntry entries}, reporting every cell it
 * cannot read. Departments are found by code or name; the 管理責任者 by 社員番号, else a new entry's is the
 * department's first 管理責任者. The kind, when the file has no column for it, is estimated from the name
 * and the 業務分類; 個人情報の種類 also decides 要配慮個人情報 by the words it contains.
 */
final class RegisterRows {

    /** A row read: the entry (null when a cell could not be read) and what was found. */
    record Parsed(int row, ImportedEntry entry, List<Finding> findings) {

        boolean failed() {
            return entry == null;
        }
    }

    /** Looks up people by 社員番号. */
    interface People {
        Optional<PersonView> byEmployeeNumber(String number);
    }

    private final Map<ImportField, Integer> columns = new EnumMap<>(ImportField.class);
    private final Map<String, DepartmentView> byCode = new HashMap<>();
    private final Map<String, List<DepartmentView>> byName = new HashMap<>();
    private final Long defaultDepartmentId;
    private final People people;
    private final Labels labels;
    private final Set<String> given = new HashSet<>();

    RegisterRows(List<ImportField> mapping, List<DepartmentView> departments, Long defaultDepartmentId, People people,
                 Labels labels) {
        for (int i = 0; i < mapping.size(); i++) {
            if (mapping.get(i) != ImportField.IGNORE) {
                columns.putIfAbsent(mapping.get(i), i);
            }
        }
        for (DepartmentView d : departments) {
            byCode.put(Headers.normalise(d.code()), d);
            byName.computeIfAbsent(Headers.normalise(d.nameJa()), k -> new ArrayList<>()).add(d);
            if (d.nameEn() != null && !d.nameEn().isBlank()) {
                byName.computeIfAbsent(Headers.normalise(d.nameEn()), k -> new ArrayList<>()).add(d);
            }
        }
        this.defaultDepartmentId = defaultDepartmentId;
        this.people = people;
        this.labels = labels;
        given.addAll(givenFields());
    }

    /** The first column mapped to the field, or null. */
    Integer column(ImportField field) {
        return columns.get(field);
    }

    private boolean has(ImportField... fields) {
        for (ImportField f : fields) {
            if (columns.containsKey(f)) {
                return true;
            }
        }
        return false;
    }

    private Set<String> givenFields() {
        Set<String> g = new HashSet<>();
        if (has(ImportField.DESCRIPTION, ImportField.BUSINESS_AREA)) g.add(ImportedEntry.DESCRIPTION);
        if (has(ImportField.RESPONSIBLE)) g.add(ImportedEntry.RESPONSIBLE);
        if (has(ImportField.KIND, ImportField.SUB_KIND, ImportField.BUSINESS_AREA)) g.add(ImportedEntry.KIND);
        if (has(ImportField.FORMS)) g.add(ImportedEntry.FORMS);
        if (has(ImportField.ORIGIN, ImportField.ORIGIN_PARTY, ImportField.ORIGIN_DUTY)) g.add(ImportedEntry.ORIGIN);
        if (has(ImportField.TRADE_SECRET)) g.add(ImportedEntry.TRADE_SECRET);
        if (has(ImportField.LIMITED_DATA)) g.add(ImportedEntry.LIMITED_DATA);
        if (has(ImportField.PERSONAL_INFO, ImportField.SENSITIVE, ImportField.MY_NUMBER)) g.add(ImportedEntry.PERSONAL);
        if (has(ImportField.PERSONAL_COUNT)) g.add(ImportedEntry.PERSONAL_COUNT);
        if (has(ImportField.EXPORT_CONTROLLED)) g.add(ImportedEntry.EXPORT);
        if (has(ImportField.CONTRACT_DUTY_TO)) g.add(ImportedEntry.CONTRACT);
        if (has(ImportField.REGISTERED_ON)) g.add(ImportedEntry.REGISTERED_ON);
        if (has(ImportField.RETENTION)) g.add(ImportedEntry.RETENTION);
        if (has(ImportField.ACCESS_HINT)) g.add(ImportedEntry.ACCESS_HINT);
        if (has(ImportField.CONFIDENTIALITY, ImportField.INTEGRITY, ImportField.AVAILABILITY, ImportField.IMPORTANCE)) {
            g.add(ImportedEntry.HINTS);
        }
        return g;
    }

    Parsed parse(int row, List<String> cells) {
        Row r = new Row(row, cells);
        String name = r.text(ImportField.NAME);
        if (name == null) {
            r.error(ImportField.NAME, "inventory.asset.nameRequired");
        } else if (name.length() > 200) {
            r.error(ImportField.NAME, "inventory.asset.nameTooLong");
        } else {
            AssetNameRule.check(name).ifPresent(w -> r.warning(ImportField.NAME, w.messageKey()));
        }
        Long departmentId = department(r);
        Long responsible = responsible(r);
        String area = r.text(ImportField.BUSINESS_AREA);
        String description = r.text(ImportField.DESCRIPTION);
        if (area != null) {
            description = (description == null ? "" : description + "\n") + labels.ja("inventory.import.areaNote", area);
        }
        AssetSubKind subKind = r.read(ImportField.SUB_KIND, labels::subKind, "inventory.import.subKindUnknown");
        AssetKind kind = r.read(ImportField.KIND, t -> labels.kind(t).or(() -> Cells.kindFrom(t)),
                "inventory.import.kindUnknown");
        if (kind == null && subKind == null && !has(ImportField.KIND, ImportField.SUB_KIND)) {
            String both = (name == null ? "" : name) + " " + (area == null ? "" : area);
            subKind = Cells.subKindFrom(name == null ? "" : name).or(() -> Cells.subKindFrom(area == null ? "" : area))
                    .orElse(null);
            kind = subKind != null ? subKind.kind() : Cells.kindFrom(area == null ? "" : area)
                    .or(() -> Cells.kindFrom(both)).orElse(AssetKind.OTHER);
        }
        if (kind == null) {
            kind = subKind != null ? subKind.kind() : AssetKind.OTHER;
        }
        List<FormEntry> forms = forms(r);
        Origin origin = r.read(ImportField.ORIGIN, labels::origin, "inventory.import.originUnknown");
        String originParty = r.text(ImportField.ORIGIN_PARTY);
        if (origin == null) {
            origin = originParty == null ? Origin.OWN : Origin.RECEIVED;
        }
        LegalRegimes regimes = regimes(r);
        ImportedFacts facts = facts(r);
        if (r.failed) {
            return new Parsed(row, null, r.findings);
        }
        AssetDraft draft = new AssetDraft(name, description, departmentId, responsible, kind, subKind, forms, origin,
                originParty, r.text(ImportField.ORIGIN_DUTY), regimes);
        Long fallback = responsible != null || departmentId == null ? null : byId(departmentId)
                .flatMap(d -> d.managers().stream().findFirst()).map(DepartmentView.PersonRef::id).orElse(null);
        return new Parsed(row, new ImportedEntry(draft, facts, given, fallback), r.findings);
    }

    private Optional<DepartmentView> byId(long id) {
        return byCode.values().stream().filter(d -> d.id() == id).findFirst();
    }

    private Long department(Row r) {
        String text = r.text(ImportField.DEPARTMENT);
        if (text == null) {
            if (defaultDepartmentId == null) {
                r.error(ImportField.DEPARTMENT, "inventory.asset.departmentRequired");
            }
            return defaultDepartmentId;
        }
        String n = Headers.normalise(text);
        DepartmentView d = byCode.get(n);
        if (d != null) {
            return d.id();
        }
        List<DepartmentView> named = byName.getOrDefault(n, List.of());
        if (named.size() > 1) {
            r.error(ImportField.DEPARTMENT, "inventory.import.departmentAmbiguous", text);
            return null;
        }
        if (named.isEmpty()) {
            r.error(ImportField.DEPARTMENT, "inventory.import.departmentUnknown", text);
            return null;
        }
        return named.get(0).id();
    }

    private Long responsible(Row r) {
        String number = r.text(ImportField.RESPONSIBLE);
        if (number == null) {
            return null;
        }
        Optional<PersonView> person = people.byEmployeeNumber(
                java.text.Normalizer.normalize(number, java.text.Normalizer.Form.NFKC).strip());
        if (person.isEmpty()) {
            r.error(ImportField.RESPONSIBLE, "inventory.person.unknown", number);
            return null;
        }
        return person.get().id();
    }

    private List<FormEntry> forms(Row r) {
        String text = r.text(ImportField.FORMS);
        if (text == null) {
            r.error(ImportField.FORMS, "inventory.asset.formRequired");
            return List.of();
        }
        Cells.Forms forms = Cells.forms(text, labels);
        if (forms.assumed()) {
            r.warning(ImportField.FORMS, "inventory.import.formAssumed", text);
        }
        return forms.entries();
    }

    private LegalRegimes regimes(Row r) {
        boolean tradeSecret = r.flag(ImportField.TRADE_SECRET);
        boolean limited = r.flag(ImportField.LIMITED_DATA);
        String kinds = r.text(ImportField.PERSONAL_INFO);
        boolean sensitive = r.flag(ImportField.SENSITIVE) || Cells.sensitive(kinds == null ? "" : kinds);
        boolean personal = Cells.personal(kinds) || sensitive || r.flag(ImportField.MY_NUMBER);
        Integer count = r.read(ImportField.PERSONAL_COUNT, Cells::count, "inventory.import.countInvalid");
        if (count != null) {
            personal = true;
        }
        String dutyTo = r.text(ImportField.CONTRACT_DUTY_TO);
        return new LegalRegimes(tradeSecret, limited, personal, count, sensitive, r.flag(ImportField.EXPORT_CONTROLLED),
                dutyTo != null, dutyTo);
    }

    private ImportedFacts facts(Row r) {
        LocalDate registered = r.read(ImportField.REGISTERED_ON, RegisterRows::date, "inventory.import.dateInvalid");
        String retention = r.text(ImportField.RETENTION);
        if (retention != null) {
            retention = date(retention).map(LocalDate::toString).orElse(retention);
            if (retention.length() > 200) {
                r.error(ImportField.RETENTION, "inventory.import.tooLong");
            }
        }
        Integer c = r.read(ImportField.CONFIDENTIALITY, Cells::level, "inventory.import.levelInvalid");
        Integer i = r.read(ImportField.INTEGRITY, Cells::level, "inventory.import.levelInvalid");
        Integer a = r.read(ImportField.AVAILABILITY, Cells::level, "inventory.import.levelInvalid");
        Integer importance = null;
        String combined = r.text(ImportField.IMPORTANCE);
        if (combined != null) {
            List<Integer> levels = Cells.levels(combined);
            Optional<Integer> single = Cells.level(combined);
            if (levels.size() == 3 && !has(ImportField.CONFIDENTIALITY, ImportField.INTEGRITY, ImportField.AVAILABILITY)
                    && levels.stream().allMatch(l -> l <= 5)) {
                c = levels.get(0);
                i = levels.get(1);
                a = levels.get(2);
            } else if (single.isPresent()) {
                importance = single.get();
            } else {
                r.error(ImportField.IMPORTANCE, "inventory.import.levelInvalid", combined);
            }
        }
        return new ImportedFacts(registered, retention, r.text(ImportField.ACCESS_HINT), c, i, a, importance);
    }

    private static Optional<LocalDate> date(String text) {
        try {
            return Optional.ofNullable(Dates.parse(text));
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** One row's cells and findings. */
    private final class Row {
        private final int number;
        private final List<String> cells;
        private final List<Finding> findings = new ArrayList<>();
        private boolean failed;

        Row(int number, List<String> cells) {
            this.number = number;
            this.cells = cells;
        }

        String text(ImportField field) {
            Integer i = columns.get(field);
            if (i == null || i >= cells.size() || cells.get(i) == null) {
                return null;
            }
            String value = cells.get(i).strip();
            return value.isEmpty() ? null : value;
        }

        boolean flag(ImportField field) {
            String text = text(field);
            Optional<Boolean> value = Cells.flag(text);
            if (value.isEmpty()) {
                error(field, "inventory.import.flagInvalid", text);
                return false;
            }
            return value.get();
        }

        <T> T read(ImportField field, java.util.function.Function<String, Optional<T>> parser, String messageKey) {
            String text = text(field);
            if (text == null) {
                return null;
            }
            Optional<T> value = parser.apply(text);
            if (value.isEmpty()) {
                error(field, messageKey, text);
            }
            return value.orElse(null);
        }

        void error(ImportField field, String messageKey, Object... args) {
            failed = true;
            findings.add(Finding.error(number, columns.get(field), messageKey, args));
        }

        void warning(ImportField field, String messageKey, Object... args) {
            findings.add(Finding.warning(number, columns.get(field), messageKey, args));
        }
    }
}
