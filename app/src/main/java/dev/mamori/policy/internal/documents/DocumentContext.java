package dev.mamori.policy.internal.documents;

import java.time.LocalDate;

import dev.mamori.policy.Standard;

/**
 * What a document is generated from: the company, the version and effective date (null for a draft),
 * the role titles, and the scheme and standard in force.
 */
public record DocumentContext(String company, Integer version, LocalDate effectiveOn, Titles titles,
                              Standard standard) {

    /** The titles of the roles as the company names them. */
    public record Titles(String chiefOfficer, String manager, String committee) {
    }

    public boolean draft() {
        return version == null;
    }

    /** 「2026年12月1日」. */
    public static String japaneseDate(LocalDate date) {
        return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
    }

    /** The version line under the title: 「第3版　2026年12月1日施行」 or 「草案（未公表）」. */
    String versionLine() {
        return draft() ? "草案（未公表）" : "第" + version + "版　" + japaneseDate(effectiveOn) + "施行";
    }

    /** The closing sentence of the supplementary provisions. */
    String effectiveSentence(String self) {
        return effectiveOn == null ? self + "は、公表の日から施行する。" : self + "は、" + japaneseDate(effectiveOn) + "から施行する。";
    }
}
