package dev.mamori.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.mamori.ledger.Ledger;
import dev.mamori.ledger.LedgerEntry;
import dev.mamori.ledger.Subject;
import dev.mamori.platform.ConflictException;
import dev.mamori.support.MamoriTest;

/**
 * The scheme as data: the default levels, adding and renaming with ledger entries, the warning for
 * many levels, and the in-memory standard following the change.
 */
@MamoriTest
class PolicyLevelsTests {

    @Autowired Policy policy;
    @Autowired Ledger ledger;

    static String uniqueCode() {
        return "L" + Long.toString(System.nanoTime(), 36).toUpperCase() + ThreadLocalRandom.current().nextInt(1000);
    }

    static int uniqueRank() {
        return 100 + ThreadLocalRandom.current().nextInt(1_000_000);
    }

    @Test
    void defaultSchemeIsTopSecretThenConfidential() {
        assertThat(policy.levels()).extracting(Level::code).startsWith("TOP_SECRET", "CONFIDENTIAL");
        assertThat(policy.levels().get(0).nameJa()).isEqualTo("極秘");
        assertThat(policy.standard().rule("CONFIDENTIAL", Aspect.DISPOSAL, Medium.OBJECT)).isPresent();
    }

    @Test
    void addingLevelsIsRecordedAndWarnsBeyondThree() {
        String first = uniqueCode();
        LevelChange one = policy.addLevel(new LevelDraft(first, "部外秘", "Department only", uniqueRank(), "#336699", "部外秘", "部内限り"));
        String second = uniqueCode();
        LevelChange two = policy.addLevel(new LevelDraft(second, "役員限り", "Board only", uniqueRank(), null, "役員限り", null));
        assertThat(two.warningKey()).contains("policy.level.tooMany");
        assertThat(one.level().code()).isEqualTo(first);
        assertThat(policy.levels()).extracting(Level::code).contains(first, second);
        assertThat(ledger.historyOf(Subject.of("level", first))).extracting(LedgerEntry::action)
                .containsExactly("policy.level.added");
        assertThat(policy.decide(new DecisionRequest(1L, true, true, first, Action.VIEW, Medium.DOCUMENT, null, null))
                .reasonKey()).isEqualTo("policy.decision.noRule");
    }

    @Test
    void duplicateCodeOrRankIsAConflict() {
        assertThatThrownBy(() -> policy.addLevel(new LevelDraft("TOP_SECRET", "x", "x", uniqueRank(), null, "x", null)))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> policy.addLevel(new LevelDraft(uniqueCode(), "x", "x", 1, null, "x", null)))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void renamingIsRecordedAndReloadsTheStandard() {
        String code = uniqueCode();
        policy.addLevel(new LevelDraft(code, "部外秘", "Department only", uniqueRank(), null, "部外秘", null));
        policy.renameLevel(code, "部門外秘", "Outside the department");
        assertThat(policy.standard().level(code)).get().extracting(Level::nameJa).isEqualTo("部門外秘");
        assertThat(ledger.historyOf(Subject.of("level", code))).extracting(LedgerEntry::action)
                .containsExactly("policy.level.added", "policy.level.renamed");
    }
}
