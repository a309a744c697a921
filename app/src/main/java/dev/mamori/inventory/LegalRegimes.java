package dev.mamori.inventory;

/**
 * The legal regimes that apply to an entry: 営業秘密, 限定提供データ, 個人情報 (with the number of people and
 * whether it includes 要配慮個人情報), 外為法 controlled technology, and confidentiality owed under a contract.
 */
public record LegalRegimes(boolean tradeSecret, boolean limitedProvisionData, boolean personalInfo,
                           Integer personalInfoCount, boolean sensitivePersonalInfo, boolean exportControlled,
                           boolean contractualDuty, String contractualDutyTo) {

    public static LegalRegimes none() {
        return new LegalRegimes(false, false, false, null, false, false, false, null);
    }
}
