-- Small key/value settings of the platform (e.g. whether the demo company was loaded).
create table platform.setting
(
    key        text primary key,
    value      text        not null,
    updated_at timestamptz not null default now()
);
