-- HR imports: an uploaded file is previewed first; the preview (counts, errors and the events applying
-- would publish) is kept with the stored file until it is applied or expires.
create table directory.import_preview
(
    id            uuid primary key,
    kind          text        not null,
    file_name     text,
    format        text        not null,
    encoding      text,
    sha256        text        not null,
    size_bytes    bigint      not null,
    created_by    bigint,      -- platform account id (no foreign key across module schemas)
    created_at    timestamptz not null default now(),
    expires_at    timestamptz not null,
    row_count     int         not null,
    to_create     int         not null,
    to_change     int         not null,
    unchanged     int         not null,
    error_count   int         not null,
    event_count   int         not null,
    event_counts  jsonb       not null default '{}',
    applied_at    timestamptz,
    constraint import_preview_kind check (kind in ('PEOPLE', 'DEPARTMENTS')),
    constraint import_preview_format check (format in ('CSV', 'XLSX'))
);
create index import_preview_expires_idx on directory.import_preview (expires_at);

create table directory.import_finding
(
    preview_id  uuid not null references directory.import_preview (id) on delete cascade,
    kind        text not null,
    seq         int  not null,
    row_number  int  not null,
    key_value   text,
    column_name text,
    message_key text not null,
    args        jsonb not null default '[]',
    primary key (preview_id, kind, seq),
    constraint import_finding_kind check (kind in ('ERROR', 'EVENT'))
);
