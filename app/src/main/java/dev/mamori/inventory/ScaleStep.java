package dev.mamori.inventory;

/** One step of the scoring scale (default 1–5), with its descriptor; the company can change the rows. */
public record ScaleStep(int value, String labelJa, String labelEn, String descriptorJa, String descriptorEn) {

    public String label(java.util.Locale locale) {
        return "en".equals(locale.getLanguage()) ? labelEn : labelJa;
    }

    public String descriptor(java.util.Locale locale) {
        return "en".equals(locale.getLanguage()) ? descriptorEn : descriptorJa;
    }
}
