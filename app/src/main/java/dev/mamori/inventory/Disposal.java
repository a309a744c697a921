package dev.mamori.inventory;

import java.time.LocalDate;

/** The record of disposing of an entry's information: how, when, who did it and who witnessed it. */
public record Disposal(String method, LocalDate on, Long byPersonId, Long witnessPersonId) {
}
