package dev.mamori.agreement.internal;

/**
 * One department in the register: people working now, their joining pledges by state, pledges of any kind
 * pending or refused, and people with an obligation lasting after leaving.
 */
public record DepartmentSummary(Long departmentId, String nameJa, String nameEn, int people, int joiningSigned,
                                int joiningExpired, int joiningPending, int joiningRefused, int joiningNone,
                                int pending, int refused, int lasting) {

    public String name(java.util.Locale locale) {
        return "en".equals(locale.getLanguage()) && nameEn != null ? nameEn : nameJa;
    }

    /** Share of people with a signed joining pledge in force, in percent (0 with nobody). */
    public int coverage() {
        return people == 0 ? 0 : Math.round(100f * joiningSigned / people);
    }
}
