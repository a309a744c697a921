package dev.mamori.measure;

import java.time.LocalDate;

/** A publicity check to record: the day (not in the future), the sources searched, the result and a note. */
public record PublicityCheckDraft(LocalDate checkedOn, String sources, PublicityCheck.Result result, String note) {
}
