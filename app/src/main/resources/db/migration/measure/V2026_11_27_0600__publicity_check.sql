-- Checks that a designated secret is not publicly known (非公知性): who checked, on which day, which sources
-- were searched and what was found. asset_id is an inventory entry (no foreign key across schemas).
create table measure.publicity_check
(
    id                bigserial primary key,
    asset_id          bigint      not null,
    checked_on        date        not null,
    checked_by_person bigint,
    checked_by        text        not null,
    sources           text        not null check (btrim(sources) <> ''),
    result            text        not null check (result in ('NOT_FOUND', 'FOUND')),
    note              text,
    recorded_at       timestamptz not null default now()
);
create index publicity_check_by_asset on measure.publicity_check (asset_id, checked_on desc);
