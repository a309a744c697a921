package dev.mamori.inventory.internal;

import java.time.LocalDate;

import dev.mamori.inventory.Disposal;
import dev.mamori.inventory.Stage;
import dev.mamori.platform.InvalidInputException;

/**
 * The lifecycle 生成 → 利用 → 保存 → 廃棄. Entries move between 利用 and 保存 as they are used; nothing
 * goes back to 生成; 廃棄 is reached only by a disposal record, and only for an entry marked 不要情報.
 * A disposed entry no longer changes.
 */
public final class Lifecycle {

    private Lifecycle() {
    }

    public static void checkMove(Stage from, Stage to) {
        if (from == Stage.DISPOSED) {
            throw new InvalidInputException("inventory.lifecycle.disposed");
        }
        if (to == Stage.DISPOSED) {
            throw InvalidInputException.onField("stage", "inventory.lifecycle.disposeThroughRecord");
        }
        if (to == Stage.CREATED && from != Stage.CREATED) {
            throw InvalidInputException.onField("stage", "inventory.lifecycle.noReturnToCreated");
        }
    }

    public static void checkMarkUnneeded(Stage stage, boolean alreadyUnneeded, String reason) {
        if (stage == Stage.DISPOSED) {
            throw new InvalidInputException("inventory.lifecycle.disposed");
        }
        if (alreadyUnneeded) {
            throw new InvalidInputException("inventory.lifecycle.alreadyUnneeded");
        }
        if (reason == null || reason.isBlank()) {
            throw InvalidInputException.onField("reason", "inventory.lifecycle.reasonRequired");
        }
    }

    public static void checkDisposal(Stage stage, boolean unneeded, Disposal d, LocalDate today) {
        if (stage == Stage.DISPOSED) {
            throw new InvalidInputException("inventory.lifecycle.disposed");
        }
        if (!unneeded) {
            throw new InvalidInputException("inventory.lifecycle.markUnneededFirst");
        }
        if (d.method() == null || d.method().isBlank()) {
            throw InvalidInputException.onField("method", "inventory.disposal.methodRequired");
        }
        if (d.on() == null || d.on().isAfter(today)) {
            throw InvalidInputException.onField("on", "inventory.disposal.dateInvalid");
        }
        if (d.byPersonId() == null) {
            throw InvalidInputException.onField("byPersonId", "inventory.disposal.byRequired");
        }
        if (d.byPersonId().equals(d.witnessPersonId())) {
            throw InvalidInputException.onField("witnessPersonId", "inventory.disposal.witnessSameAsBy");
        }
    }
}
