package dev.mamori.measure.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

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

    ReadinessService(Inventory inventory, Policy policy, List<ReadinessContributor> contributors,
                     PublicityCheckRepository checks, MeasureService measures, DossierWriter dossiers, Ledger ledger,
                     CurrentUsers users, @Value("${mamori.documents.font:}") String font) {
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
        CurrentUser user = users.require();
        if (!user.hasAny(READERS) && !user.has(Role.MANAGER)) {
            throw new AccessRefusedException("measure.readiness.refused");
        }
        List<AssetView> secrets = new ArrayList<>();
        inventory.forEachVisible(AssetQuery.all(), 200, batch -> batch.stream()
                .filter(a -> a.designated() && !a.disposed())
                .filter(a -> user.hasAny(READERS) || inventory.canEdit(a.id()) || inventory.canDesignate(a.id()))
                .forEach(secrets::add));
        return secrets.stream().map(this::readinessOf)
                .sorted(Comparator.comparingInt(Readiness::overall).thenComparing(Readiness::name)).toList();
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
        String note = draft.note() == null || draft.note().isBlank() ? null : draft.note().strip();
        long id = checks.insert(assetId, draft.checkedOn(), user.personId(), user.displayName() == null
                ? user.username() : user.displayName(), draft.sources().strip(), draft.result(), note);
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
        List<String> roles = asset.holders().stream().filter(h -> h.kind() == AccessHolder.Kind.ROLE)
                .map(AccessHolder::ref).toList();
        SecretUnderReview secret = new SecretUnderReview(asset.id(), asset.name(), asset.departmentId(), asset.levelId(),
                asset.marking(), asset.designatedOn(), inventory.holderPeople(asset.id()), roles, asset.holders().size());
        List<ReadinessIndicator> contributed = new ArrayList<>();
        contributors.forEach(c -> contributed.addAll(c.indicators(secret)));
        return rules.assemble(asset.id(), asset.name(), asset.levelId(), levelName(asset.levelId()), contributed);
    }

    private String levelName(String code) {
        boolean japanese = users.current().map(u -> u.locale() == null || "ja".equals(u.locale().getLanguage()))
                .orElse(true);
        return policy.levels().stream().filter(l -> l.code().equals(code)).findFirst()
                .map(l -> japanese ? l.nameJa() : l.nameEn()).orElse(code);
    }

    LocalDate today() {
        return measures.today();
    }

    List<Level> levels() {
        return policy.levels();
    }
}
