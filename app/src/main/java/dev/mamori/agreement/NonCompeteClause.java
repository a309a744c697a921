package dev.mamori.agreement;

/**
 * The optional non-compete clause of a leaving pledge (参考資料2 第3の3 ▲■): the period in months, the
 * activities refrained from, and the compensation paid for it (blank: none).
 */
public record NonCompeteClause(int periodMonths, String activities, String compensation) {
}
