-- Whether a level hides the very existence of its entries from everyone outside their access holders.
-- The register asks the scheme which levels do; by default only the strictest level (極秘) does.
alter table policy.level add column concealed boolean not null default false;
update policy.level set concealed = true where code = 'TOP_SECRET';

-- Proposed changes of the scheme that move designated entries: merging one level into another
-- (retiring a level that still has entries is proposed as a merge as well). The register's managers
-- review every affected entry; the change completes once no entry remains at the old level.
create table policy.level_change
(
    id                    bigint generated always as identity primary key,
    kind                  text        not null default 'MERGE',
    from_code             text        not null,
    into_code             text        not null,
    reason                text        not null,
    review_by             date        not null,
    status                text        not null default 'PROPOSED',
    proposed_by_account_id bigint     not null,
    proposed_by_name      text        not null,
    proposed_at           timestamptz not null default now(),
    affected_count        integer     not null,
    closed_at             timestamptz
);
-- at most one open change per level being merged away
create unique index level_change_open_from_idx on policy.level_change (from_code) where status = 'PROPOSED';
