package dev.mamori.policy.internal.documents;

import java.util.List;
import java.util.Locale;

/**
 * How far the people asked to acknowledge a version have done so, by department (the primary department at
 * publication), within the viewer's scope.
 *
 * @param wholeOrganisation whether the viewer sees every department (else a 管理責任者's own ones)
 */
public record Progress(VersionSummary version, List<DepartmentProgress> departments, int total, int acknowledged,
                       int pending, int superseded, boolean wholeOrganisation) {

    public Progress {
        departments = List.copyOf(departments);
    }

    /** Acknowledged share of those asked, rounded down (100 only when nobody is left). */
    public int percent() {
        return percent(acknowledged, total);
    }

    static int percent(int done, int of) {
        return of == 0 ? 100 : (int) Math.floor(100.0 * done / of);
    }

    /** One department's counts and who is still pending. */
    public record DepartmentProgress(Long departmentId, String nameJa, String nameEn, int total, int acknowledged,
                                     int pending, int superseded, List<PersonAcknowledgement> pendingPeople) {

        public DepartmentProgress {
            pendingPeople = List.copyOf(pendingPeople);
        }

        public int percent() {
            return Progress.percent(acknowledged, total);
        }

        /** The name in the reader's language (Japanese when there is no English one); null: no department. */
        public String name(Locale locale) {
            return "en".equals(locale.getLanguage()) && nameEn != null && !nameEn.isBlank() ? nameEn : nameJa;
        }
    }
}
