-- The alumni (OB会) contact of a leaver (step 5 of the checklist): whether they agreed to be contacted, where
-- (postal address and/or e-mail), when it was recorded and a note. One record per leaver, replaced when corrected;
-- the ledger keeps only what changed (consent, which channels, the date), not the address itself.
create table lifecycle.alumni_contact
(
    person_id    bigint primary key,
    consent      boolean     not null,
    address      text,
    email        text,
    recorded_on  date        not null,
    note         text,
    recorded_by  text        not null,
    recorded_at  timestamptz not null default now()
);
