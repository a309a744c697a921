package dev.mamori.policy.web;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import dev.mamori.policy.Level;
import dev.mamori.policy.LevelDraft;
import dev.mamori.policy.LevelEdit;

/**
 * A level as the scheme editor's forms and the API send it. On a change the code and rank are ignored
 * (ranks change by reordering).
 */
record LevelForm(@NotBlank(message = "{policy.level.codeRequired}") @Size(max = 40, message = "{policy.level.codeInvalid}") String code,
                 @NotBlank(message = "{policy.level.nameRequired}") @Size(max = 40, message = "{policy.level.tooLong}") String nameJa,
                 @NotBlank(message = "{policy.level.nameRequired}") @Size(max = 60, message = "{policy.level.tooLong}") String nameEn,
                 @NotNull(message = "{policy.level.rankRequired}") @Min(value = 1, message = "{policy.level.rankRequired}") Integer rank,
                 @Pattern(regexp = "^$|#[0-9a-fA-F]{6}", message = "{policy.level.colourInvalid}") String colour,
                 @NotBlank(message = "{policy.level.markingRequired}") @Size(max = 40, message = "{policy.level.tooLong}") String marking,
                 @Size(max = 200, message = "{policy.level.tooLong}") String defaultScope,
                 Boolean concealed) {

    static final java.util.Set<String> FIELDS = java.util.Set.of("code", "nameJa", "nameEn", "rank", "colour",
            "marking", "defaultScope");

    static LevelForm empty(int nextRank) {
        return new LevelForm("", "", "", nextRank, "#555555", "", "", false);
    }

    static LevelForm of(Level l) {
        return new LevelForm(l.code(), l.nameJa(), l.nameEn(), l.rank(), l.colour(), l.marking(), l.defaultScope(),
                l.concealed());
    }

    LevelDraft toDraft() {
        return new LevelDraft(code, nameJa, nameEn, rank == null ? 0 : rank, colour, marking, defaultScope,
                Boolean.TRUE.equals(concealed));
    }

    LevelEdit toEdit() {
        return new LevelEdit(nameJa, nameEn, colour, marking, defaultScope, Boolean.TRUE.equals(concealed));
    }
}
