package dev.mamori.agreement.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dev.mamori.agreement.internal.NonCompeteCheck;

/** The clause to check, factor by factor (参考資料5). */
record NonCompeteForm(@Size(max = 200) String position,
                      @NotNull NonCompeteCheck.Interest interest,
                      @NotNull NonCompeteCheck.Involvement involvement,
                      Boolean appliesToEveryone,
                      @NotNull @Min(0) @Max(240) Integer periodMonths,
                      @NotNull NonCompeteCheck.Region region,
                      @NotNull NonCompeteCheck.Activities activities,
                      @NotNull NonCompeteCheck.Compensation compensation) {

    NonCompeteCheck.Input input() {
        return new NonCompeteCheck.Input(position, interest, involvement, Boolean.TRUE.equals(appliesToEveryone),
                periodMonths, region, activities, compensation);
    }
}
