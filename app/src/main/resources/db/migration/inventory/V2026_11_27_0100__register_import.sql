-- Facts that registers kept elsewhere carry (IPA's 情報資産管理台帳 and the like), kept beside an entry:
-- the date it was registered, its retention (保存期限, a date or words such as 「5年」), who uses it
-- (利用者範囲 — a hint, not access holders) and the importance it was given there (機密性・完全性・可用性
-- and an overall 重要度) — hints for the evaluation, never an evaluation themselves.
alter table inventory.asset add column registered_on date;
update inventory.asset set registered_on = (created_at at time zone 'Asia/Tokyo')::date;
alter table inventory.asset alter column registered_on set not null;
alter table inventory.asset alter column registered_on set default (now() at time zone 'Asia/Tokyo')::date;
alter table inventory.asset add column retention text;
alter table inventory.asset add column access_hint text;
alter table inventory.asset add column hint_confidentiality smallint;
alter table inventory.asset add column hint_integrity smallint;
alter table inventory.asset add column hint_availability smallint;
alter table inventory.asset add column hint_importance smallint;

-- The reason given for the current designation, for the designation register (秘密情報管理台帳).
alter table inventory.asset add column designation_reason text;

-- Imports of a register: the uploaded file is previewed first; the preview (layout, column mapping,
-- counts, every row's errors and warnings) is kept with the stored file until it is applied or expires.
create table inventory.import_preview
(
    id                    uuid primary key,
    file_name             text,
    format                text        not null,
    encoding              text,
    sha256                text        not null,
    size_bytes            bigint      not null,
    layout                text        not null,
    signature             text        not null,
    headers               jsonb       not null,
    samples               jsonb       not null default '[]',
    header_row            int         not null, -- the number of the (last) header row; data follows it
    mapping               jsonb,
    default_department_id bigint,
    created_by            bigint      not null, -- platform account id (no foreign key across module schemas)
    created_at            timestamptz not null default now(),
    expires_at            timestamptz not null,
    row_count             int         not null default 0,
    to_create             int         not null default 0,
    to_change             int         not null default 0,
    unchanged             int         not null default 0,
    error_count           int         not null default 0,
    warning_count         int         not null default 0,
    applied_at            timestamptz,
    constraint import_preview_format check (format in ('CSV', 'XLSX')),
    constraint import_preview_layout check (layout in ('IPA', 'MAMORI', 'REMEMBERED', 'MAPPED', 'UNKNOWN'))
);
create index import_preview_expires_idx on inventory.import_preview (expires_at);

create table inventory.import_finding
(
    preview_id   uuid not null references inventory.import_preview (id) on delete cascade,
    seq          int  not null,
    severity     text not null,
    row_number   int  not null,
    column_index int,
    message_key  text not null,
    args         jsonb not null default '[]',
    primary key (preview_id, seq),
    constraint import_finding_severity check (severity in ('ERROR', 'WARNING'))
);

-- Column mappings chosen for layouts Mamori does not know, remembered by the file's header signature.
create table inventory.import_mapping
(
    signature  text primary key,
    mapping    jsonb       not null,
    updated_by bigint,
    updated_at timestamptz not null default now()
);
