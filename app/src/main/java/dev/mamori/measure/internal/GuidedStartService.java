package dev.mamori.measure.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.mamori.ledger.Ledger;
import dev.mamori.ledger.Subject;
import dev.mamori.measure.GuidedStart;
import dev.mamori.measure.MeasureView;
import dev.mamori.measure.Selection;
import dev.mamori.measure.SelectionDraft;
import dev.mamori.measure.SelectionStatus;
import dev.mamori.measure.StartAnswers;
import dev.mamori.measure.StartProposal;
import dev.mamori.platform.AccessRefusedException;
import dev.mamori.platform.CurrentUsers;
import dev.mamori.platform.InvalidInputException;
import dev.mamori.platform.Role;
import dev.mamori.policy.Level;
import dev.mamori.policy.Policy;

/**
 * Runs {@link StartPolicy} against the current catalog and the selections already made, and selects what the
 * CHIEF_OFFICER or COMMITTEE accept, for every level of the scheme (they narrow the levels afterwards).
 */
@Service
class GuidedStartService implements GuidedStart {

    private final MeasureService measures;
    private final CatalogRepository catalog;
    private final SelectionRepository selections;
    private final Policy policy;
    private final Ledger ledger;
    private final CurrentUsers users;
    private final StartPolicy rules = new StartPolicy();

    GuidedStartService(MeasureService measures, CatalogRepository catalog, SelectionRepository selections, Policy policy,
                       Ledger ledger, CurrentUsers users) {
        this.measures = measures;
        this.catalog = catalog;
        this.selections = selections;
        this.policy = policy;
        this.ledger = ledger;
        this.users = users;
    }

    @Override
    @Transactional(readOnly = true)
    public StartProposal propose(StartAnswers answers) {
        requireEditor();
        return proposal(answers);
    }

    @Override
    @Transactional
    public List<Selection> accept(StartAnswers answers, List<String> codes) {
        requireEditor();
        StartProposal proposal = proposal(answers);
        Map<String, StartProposal.Proposed> byCode = new LinkedHashMap<>();
        proposal.measures().forEach(p -> byCode.put(p.measure().code(), p));
        List<String> accepted = codes == null ? List.of() : codes.stream().filter(Objects::nonNull).distinct().toList();
        if (accepted.isEmpty()) {
            throw InvalidInputException.onField("codes", "measure.start.nothingAccepted");
        }
        for (String c : accepted) {
            if (!byCode.containsKey(c)) {
                throw InvalidInputException.onField("codes", "measure.start.notProposed", c);
            }
        }
        List<Selection> out = new ArrayList<>();
        for (String c : accepted) {
            StartProposal.Proposed p = byCode.get(c);
            String note = "guided start: " + p.reasonKeys().stream().map(k -> k.substring(StartPolicy.REASON.length()))
                    .collect(Collectors.joining(", "));
            out.add(measures.selectUnchecked(new SelectionDraft(p.measure().id(), p.levelCodes(), null,
                    SelectionStatus.NOT_STARTED, null, null, null, note)));
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("answers", Map.of("size", answers.size().name(), "telework", answers.telework(),
                "personalDevices", answers.personalDevices(), "cloudServices", answers.cloudServices(),
                "supplyChainSharing", answers.supplyChainSharing(), "hiresFromCompetitors", answers.hiresFromCompetitors(),
                "factoryVisits", answers.factoryVisits()));
        details.put("proposed", byCode.size());
        details.put("accepted", accepted);
        ledger.record("measure.start.accepted", Subject.of("measure-start", measures.today()), details);
        return out;
    }

    private StartProposal proposal(StartAnswers answers) {
        Map<String, List<String>> wanted = rules.propose(answers);
        String version = catalog.versions().get(0).code();
        Map<String, MeasureView> items = catalog.ofVersion(version).stream()
                .collect(Collectors.toMap(MeasureView::code, m -> m, (a, b) -> a));
        Set<Long> taken = selections.all(null).stream().map(SelectionRepository.Row::measureId).collect(Collectors.toSet());
        List<String> levels = policy.levels().stream().map(Level::code).toList();
        List<StartProposal.Proposed> out = new ArrayList<>();
        wanted.forEach((code, reasons) -> {
            MeasureView m = items.get(code);
            if (m != null && !taken.contains(m.id())) {
                out.add(new StartProposal.Proposed(m, levels, reasons));
            }
        });
        return new StartProposal(answers, out);
    }

    private void requireEditor() {
        if (!users.require().hasAny(Role.CHIEF_OFFICER, Role.COMMITTEE)) {
            throw new AccessRefusedException("measure.selection.refused");
        }
    }
}
