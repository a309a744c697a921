package dev.mamori.lifecycle;

import java.time.LocalDate;

/**
 * What is recorded about a hire from a competitor (5-2(1)): the previous employer and position, whether they
 * were a key person there, the confidentiality and non-compete duties they still owe, the interview that
 * established them, the pledge not to bring or use others' secrets, and why they were hired.
 */
public record HireDraft(String employeeNumber, String previousEmployer, String previousPosition, boolean keyPerson,
                        String confidentialityDuties, String nonCompeteDuties, LocalDate nonCompeteUntil,
                        LocalDate interviewedOn, String interviewRecord, LocalDate pledgeSignedOn, String pledgeNote,
                        String hiringReason) {
}
