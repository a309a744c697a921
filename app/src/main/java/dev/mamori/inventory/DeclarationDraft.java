package dev.mamori.inventory;

/**
 * What an employee declares (申告): information they created or obtained in their work, in one form,
 * where it is kept and how it was obtained.
 */
public record DeclarationDraft(String title, String description, AssetKind kind, AssetForm form, String location,
                               Origin origin, String originParty) {
}
