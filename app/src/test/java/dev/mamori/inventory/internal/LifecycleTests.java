package dev.mamori.inventory.internal;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import dev.mamori.inventory.Disposal;
import dev.mamori.inventory.Stage;
import dev.mamori.platform.InvalidInputException;

class LifecycleTests {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    @Test
    void movesForwardAndBetweenUseAndStorage() {
        assertThatCode(() -> Lifecycle.checkMove(Stage.CREATED, Stage.IN_USE)).doesNotThrowAnyException();
        assertThatCode(() -> Lifecycle.checkMove(Stage.IN_USE, Stage.STORED)).doesNotThrowAnyException();
        assertThatCode(() -> Lifecycle.checkMove(Stage.STORED, Stage.IN_USE)).doesNotThrowAnyException();
    }

    @Test
    void neverReturnsToCreatedNorReachesDisposedWithoutARecord() {
        assertThatThrownBy(() -> Lifecycle.checkMove(Stage.IN_USE, Stage.CREATED))
                .hasMessageContaining("inventory.lifecycle.noReturnToCreated");
        assertThatThrownBy(() -> Lifecycle.checkMove(Stage.STORED, Stage.DISPOSED))
                .hasMessageContaining("inventory.lifecycle.disposeThroughRecord");
        assertThatThrownBy(() -> Lifecycle.checkMove(Stage.DISPOSED, Stage.IN_USE))
                .hasMessageContaining("inventory.lifecycle.disposed");
    }

    @Test
    void marksUnneededOnceWithAReason() {
        assertThatThrownBy(() -> Lifecycle.checkMarkUnneeded(Stage.STORED, false, " "))
                .hasMessageContaining("inventory.lifecycle.reasonRequired");
        assertThatThrownBy(() -> Lifecycle.checkMarkUnneeded(Stage.STORED, true, "契約終了"))
                .hasMessageContaining("inventory.lifecycle.alreadyUnneeded");
        assertThatCode(() -> Lifecycle.checkMarkUnneeded(Stage.STORED, false, "契約終了")).doesNotThrowAnyException();
    }

    @Test
    void disposesOnlyUnneededInformationWithACompleteRecord() {
        Disposal ok = new Disposal("シュレッダー", TODAY, 1L, 2L);
        assertThatThrownBy(() -> Lifecycle.checkDisposal(Stage.STORED, false, ok, TODAY))
                .hasMessageContaining("inventory.lifecycle.markUnneededFirst");
        assertThatCode(() -> Lifecycle.checkDisposal(Stage.STORED, true, ok, TODAY)).doesNotThrowAnyException();
        assertThatThrownBy(() -> Lifecycle.checkDisposal(Stage.STORED, true, new Disposal("", TODAY, 1L, 2L), TODAY))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("methodRequired");
        assertThatThrownBy(() -> Lifecycle.checkDisposal(Stage.STORED, true,
                new Disposal("溶解", TODAY.plusDays(1), 1L, 2L), TODAY)).hasMessageContaining("dateInvalid");
        assertThatThrownBy(() -> Lifecycle.checkDisposal(Stage.STORED, true, new Disposal("溶解", TODAY, null, 2L), TODAY))
                .hasMessageContaining("byRequired");
        assertThatThrownBy(() -> Lifecycle.checkDisposal(Stage.STORED, true, new Disposal("溶解", TODAY, 1L, 1L), TODAY))
                .hasMessageContaining("witnessSameAsBy");
        assertThatThrownBy(() -> Lifecycle.checkDisposal(Stage.DISPOSED, true, ok, TODAY))
                .hasMessageContaining("inventory.lifecycle.disposed");
    }
}
