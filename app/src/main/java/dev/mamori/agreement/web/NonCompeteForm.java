package dev.mamori.agreement.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dev.mamori.agreement.internal.NonCompeteCheck;

/** The clause to check, factor by factor (参考資料5). */
record NonCompeteForm(@Size(max = 200, message = "{agreement.form.tooLong}") String position,
                      @NotNull(message = "{agreement.nc.choose}") NonCompeteCheck.Interest interest,
                      @NotNull(message = "{agreement.nc.choose}") NonCompeteCheck.Involvement involvement,
                      Boolean appliesToEveryone,
                      @NotNull(message = "{agreement.nc.periodRequired}") @Min(value = 0, message = "{agreement.nc.periodRange}")
                      @Max(value = 240, message = "{agreement.nc.periodRange}") Integer periodMonths,
                      @NotNull(message = "{agreement.nc.choose}") NonCompeteCheck.Region region,
                      @NotNull(message = "{agreement.nc.choose}") NonCompeteCheck.Activities activities,
                      @NotNull(message = "{agreement.nc.choose}") NonCompeteCheck.Compensation compensation) {

    /** Whether any answer was given (a first visit shows the form without errors). */
    boolean asked() {
        return position != null || interest != null || involvement != null || appliesToEveryone != null
                || periodMonths != null || region != null || activities != null || compensation != null;
    }

    NonCompeteCheck.Input input() {
        return new NonCompeteCheck.Input(position, interest, involvement, Boolean.TRUE.equals(appliesToEveryone),
                periodMonths, region, activities, compensation);
    }
}
