package dev.mamori.measure.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.mamori.directory.DepartmentView;
import dev.mamori.directory.Directory;
import dev.mamori.inventory.AccessHolder;
import dev.mamori.inventory.AssetQuery;
import dev.mamori.inventory.AssetView;
import dev.mamori.inventory.Inventory;
import dev.mamori.ledger.Ledger;
import dev.mamori.ledger.Subject;
import dev.mamori.measure.PublicityCheck;
import dev.mamori.measure.PublicityCheckDraft;
import dev.mamori.measure.Readiness;
import dev.mamori.measure.ReadinessContributor;
import dev.mamori.measure.ReadinessIndicator;
import dev.mamori.measure.ReadinessPage;
import dev.mamori.measure.ReadinessQuery;
import dev.mamori.measure.SecretReadiness;
import dev.mamori.measure.SecretUnderReview;
import dev.mamori.platform.AccessRefusedException;
import dev.mamori.platform.CurrentUser;
import dev.mamori.platform.CurrentUsers;
import dev.mamori.platform.InvalidInputException;
import dev.mamori.platform.NotFoundException;
import dev.mamori.platform.Role;
import dev.mamori.platform.pdf.PdfFonts;
import dev.mamori.policy.Level;
import dev.mamori.policy.Policy;

/**
 * Trade-secret readiness: asks the inventory for the secret (so an entry the reader may not see is "not
 * found"), checks the reader's role (CHIEF_OFFICER, COMMITTEE, LEGAL, AUDITOR, or MANAGER of the entry), then
 * gathers every {@link ReadinessContributor}'s indicators and lets {@link ReadinessPolicy} put them together.
 */
@Service
class ReadinessService implements SecretReadiness {

    private static final Role[] READERS = {Role.CHIEF_OFFICER, Role.COMMITTEE, Role.LEGAL, Role.AUDITOR};
    private static final Role[] CHECKERS = {Role.CHIEF_OFFICER, Role.COMMITTEE, Role.LEGAL};

    private final Inventory inventory;
    private final Policy policy;
    private final List<ReadinessContributor> contributors;
    private final PublicityCheckRepository checks;
    private final MeasureService measures;
    private final DossierWriter dossiers;
    private final Ledger ledger;
    private final CurrentUsers users;
    private final String font;
    private final ReadinessPolicy rules = new ReadinessPolicy();
    private final Directory directory;

    /** How many secrets the contributors are asked about at once. */
    static final int BATCH = 500;

    ReadinessService(Inventory inventory, Policy policy, List<ReadinessContributor> contributors,
                     PublicityCheckRepository checks, MeasureService measures, DossierWriter dossiers, Ledger ledger,
                     CurrentUsers users, Directory directory, @Value("${mamori.documents.font:}") String font) {
        this.directory = directory;
        this.inventory = inventory;
        this.policy = policy;
        this.contributors = contributors;
        this.checks = checks;
        this.measures = measures;
        this.dossiers = dossiers;
        this.ledger = ledger;
        this.users = users;
        this.font = font;
    }

    @Override
    @Transactional(readOnly = true)
    public Readiness readiness(long assetId) {
        return readinessOf(requireSecret(assetId, false));
    }

    @Override
    @Transactional(readOnly = true)
    public List<Readiness> all() {
        return scored(ReadinessQuery.all());
    }

    @Override
    @Transactional(readOnly = true)
    public ReadinessPage page(ReadinessQuery query, int page, int size) {
        int safeSize = Math.min(Math.max(size, 1), 200);
        List<Readiness> all = scored(query == null ? ReadinessQuery.all() : query);
        int pages = Math.max(1, (all.size() + safeSize - 1) / safeSize);
        int safePage = Math.min(Math.max(page, 0), pages - 1);
        int from = safePage * safeSize;
        return new ReadinessPage(all.subList(from, Math.min(all.size(), from + safeSize)), safePage, safeSize, all.size());
    }

    @Override
    public Map<String, String> levelChoices() {
        requireListReader();
        Map<String, String> choices = new LinkedHashMap<>();
        boolean japanese = japanese();
        policy.levels().forEach(l -> choices.put(l.code(), japanese ? l.nameJa() : l.nameEn()));
        return choices;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, String> departmentChoices() {
        requireListReader();
        Locale locale = users.current().map(CurrentUser::locale).orElse(Locale.JAPANESE);
        Map<Long, String> choices = new LinkedHashMap<>();
        directory.listDepartments().stream().filter(DepartmentView::active)
                .forEach(d -> choices.put(d.id(), d.name(locale == null ? Locale.JAPANESE : locale)));
        return choices;
    }

    /**
     * Every designated secret the reader may see that matches the query, scored and in the query's order. The
     * holders are resolved for all of them at once and each contributor is asked once per {@link #BATCH} secrets.
     */
    private List<Readiness> scored(ReadinessQuery query) {
        CurrentUser user = requireListReader();
        List<AssetView> secrets = new ArrayList<>();
        inventory.forEachVisible(new AssetQuery(null, query.departmentId(), null, null, query.levelCode(), null, null),
                BATCH, batch -> batch.stream()
                        .filter(a -> a.designated() && !a.disposed())
                        .filter(a -> user.hasAny(READERS) || inventory.canEdit(a.id()) || inventory.canDesignate(a.id()))
                        .forEach(secrets::add));
        Map<String, String> levelNames = new HashMap<>();
        policy.levels().forEach(l -> levelNames.put(l.code(), japanese() ? l.nameJa() : l.nameEn()));
        List<Readiness> all = new ArrayList<>(secrets.size());
        for (int from = 0; from < secrets.size(); from += BATCH) {
            List<AssetView> chunk = secrets.subList(from, Math.min(secrets.size(), from + BATCH));
            Map<Long, Set<Long>> holders = inventory.holderPeople(chunk.stream().map(AssetView::id).toList());
            List<SecretUnderReview> reviews = chunk.stream()
                    .map(a -> underReview(a, holders.getOrDefault(a.id(), Set.of()))).toList();
            Map<Long, List<ReadinessIndicator>> contributed = new HashMap<>();
            for (ReadinessContributor c : contributors) {
                c.indicators(reviews).forEach((id, list) -> contributed.computeIfAbsent(id, k -> new ArrayList<>())
                        .addAll(list));
            }
            for (AssetView a : chunk) {
                all.add(rules.assemble(a.id(), a.name(), a.levelId(), levelNames.getOrDefault(a.levelId(), a.levelId()),
                        contributed.getOrDefault(a.id(), List.of())));
            }
        }
        Comparator<Readiness> byName = Comparator.comparing(Readiness::name).thenComparingLong(Readiness::assetId);
        Comparator<Readiness> order = switch (query.order()) {
            case WEAKEST_FIRST -> Comparator.comparingInt(Readiness::overall).thenComparing(byName);
            case STRONGEST_FIRST -> Comparator.comparingInt(Readiness::overall).reversed().thenComparing(byName);
            case NAME -> byName;
        };
        all.sort(order);
        return all;
    }

    private CurrentUser requireListReader() {
        CurrentUser user = users.require();
        if (!user.hasAny(READERS) && !user.has(Role.MANAGER)) {
            throw new AccessRefusedException("measure.readiness.refused");
        }
        return user;
    }

    @Override
    @Transactional(readOnly = true)
    public List<PublicityCheck> publicityChecks(long assetId) {
        requireSecret(assetId, false);
        return checks.of(assetId);
    }

    @Override
    @Transactional
    public PublicityCheck recordPublicityCheck(long assetId, PublicityCheckDraft draft) {
        requireSecret(assetId, true);
        CurrentUser user = users.require();
        if (draft.checkedOn() == null) {
            throw InvalidInputException.onField("checkedOn", "measure.publicity.dateRequired");
        }
        if (draft.checkedOn().isAfter(measures.today())) {
            throw InvalidInputException.onField("checkedOn", "measure.publicity.dateFuture");
        }
        if (draft.sources() == null || draft.sources().isBlank()) {
            throw InvalidInputException.onField("sources", "measure.publicity.sourcesRequired");
        }
        if (draft.sources().length() > 2000 || (draft.note() != null && draft.note().length() > 2000)) {
            throw InvalidInputException.onField("sources", "measure.text.tooLong", 2000);
        }
        if (draft.result() == null) {
            throw InvalidInputException.onField("result", "measure.publicity.resultRequired");
        }
        return recordPublicityCheckUnchecked(assetId, draft, user.personId(), user.displayName() == null
                ? user.username() : user.displayName());
    }

    /** Records a checked draft for the given checker (also the demo company's checks); ledger-recorded. */
    PublicityCheck recordPublicityCheckUnchecked(long assetId, PublicityCheckDraft draft, Long personId, String checkedBy) {
        String note = draft.note() == null || draft.note().isBlank() ? null : draft.note().strip();
        long id = checks.insert(assetId, draft.checkedOn(), personId, checkedBy, draft.sources().strip(), draft.result(),
                note);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("check", id);
        details.put("checkedOn", draft.checkedOn().toString());
        details.put("sources", draft.sources().strip());
        details.put("result", draft.result().name());
        if (note != null) {
            details.put("note", note);
        }
        ledger.record("measure.publicityCheck.recorded", Subject.of("asset", assetId), details);
        return checks.of(assetId).stream().filter(c -> c.id() == id).findFirst().orElseThrow();
    }

    @Override
    @Transactional
    public byte[] dossier(long assetId) {
        AssetView asset = requireSecret(assetId, false);
        Readiness readiness = readinessOf(asset);
        CurrentUser user = users.require();
        Locale locale = user.locale() == null ? Locale.JAPANESE : user.locale();
        byte[] pdf = dossiers.write(asset, readiness, checks.of(assetId), locale, PdfFonts.locate(font));
        ledger.record("measure.dossier.exported", Subject.of("asset", assetId),
                Map.of("overall", readiness.overall(), "bytes", pdf.length));
        return pdf;
    }

    // ---------------------------------------------------------------- helpers

    /** The designated entry, if the reader may see it (not found otherwise) and holds a reading role. */
    private AssetView requireSecret(long assetId, boolean toChange) {
        CurrentUser user = users.require();
        Role[] roles = toChange ? CHECKERS : READERS;
        if (!user.hasAny(roles) && !user.has(Role.MANAGER)) {
            throw new AccessRefusedException("measure.readiness.refused");
        }
        AssetView asset = inventory.asset(assetId);
        if (!user.hasAny(roles) && !inventory.canEdit(assetId) && !inventory.canDesignate(assetId)) {
            throw new AccessRefusedException("measure.readiness.refused");
        }
        if (!asset.designated()) {
            throw new NotFoundException("measure.readiness.notDesignated", asset.name());
        }
        return asset;
    }

    private Readiness readinessOf(AssetView asset) {
        SecretUnderReview secret = underReview(asset, inventory.holderPeople(asset.id()));
        List<ReadinessIndicator> contributed = new ArrayList<>();
        contributors.forEach(c -> contributed.addAll(c.indicators(secret)));
        return rules.assemble(asset.id(), asset.name(), asset.levelId(), levelName(asset.levelId()), contributed);
    }

    private static SecretUnderReview underReview(AssetView asset, Set<Long> holderPeople) {
        List<String> roles = asset.holders().stream().filter(h -> h.kind() == AccessHolder.Kind.ROLE)
                .map(AccessHolder::ref).toList();
        return new SecretUnderReview(asset.id(), asset.name(), asset.departmentId(), asset.levelId(),
                asset.marking(), asset.designatedOn(), holderPeople, roles, asset.holders().size());
    }

    private String levelName(String code) {
        boolean japanese = japanese();
        return policy.levels().stream().filter(l -> l.code().equals(code)).findFirst()
                .map(l -> japanese ? l.nameJa() : l.nameEn()).orElse(code);
    }

    private boolean japanese() {
        return users.current().map(u -> u.locale() == null || "ja".equals(u.locale().getLanguage())).orElse(true);
    }

    LocalDate today() {
        return measures.today();
    }

    List<Level> levels() {
        return policy.levels();
    }
}
