package dev.mamori.lifecycle;

import java.time.LocalDate;

/**
 * A leaver's alumni (OB会) contact: whether they agreed to be contacted after leaving, the postal address and/or
 * e-mail they gave, the day it was recorded, a note, and who recorded it.
 */
public record AlumniContact(long personId, boolean consent, String address, String email, LocalDate recordedOn,
                            String note, String recordedBy) {
}
