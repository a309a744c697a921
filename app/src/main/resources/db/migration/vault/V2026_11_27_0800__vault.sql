-- The vault: documents under an information entry (inventory asset id), their encrypted versions,
-- every copy handed out (views, downloads, numbered meeting copies) and the meetings' distributions.
create schema if not exists vault;

create table vault.document (
    id                 bigserial primary key,
    asset_id           bigint      not null,            -- inventory.asset(id), no cross-schema key
    title              text        not null,
    created_at         timestamptz not null default now(),
    created_by_person  bigint      not null,
    disposed_at        timestamptz,
    disposed_by_person bigint,
    disposal_reason    text,
    certificate        bytea                            -- the disposal certificate (PDF)
);
create index document_asset on vault.document (asset_id);

create table vault.version (
    id                 bigserial primary key,
    document_id        bigint      not null references vault.document (id),
    number             int         not null,
    file_name          text        not null,
    content_type       text        not null,
    size_bytes         bigint      not null,
    sha256             text        not null,            -- of the plaintext, for the certificate and integrity
    storage_name       text        not null,            -- file under <data-dir>/vault/files/
    key_id             text,                            -- the master key that wrapped the data key
    wrapped_key        bytea,                           -- null once shredded
    uploaded_at        timestamptz not null default now(),
    uploaded_by_person bigint      not null,
    unique (document_id, number)
);

create table vault.distribution (
    id                bigserial primary key,
    document_id       bigint      not null references vault.document (id),
    version_id        bigint      not null references vault.version (id),
    purpose           text        not null,
    due_on            date        not null,
    issued_at         timestamptz not null default now(),
    issued_by_person  bigint      not null
);

-- every copy that left the vault: the viewing record (閲覧記録) and the key to fingerprints
create table vault.copy (
    id                bigserial primary key,
    document_id       bigint      not null references vault.document (id),
    version_id        bigint      not null references vault.version (id),
    copy_number       int         not null,
    kind              text        not null check (kind in ('VIEW', 'DOWNLOAD', 'NUMBERED')),
    person_id         bigint      not null,
    recipient_name    text        not null,
    employee_number   text,
    issued_at         timestamptz not null default now(),
    issued_by_person  bigint      not null,
    fingerprint       text        not null unique,
    marked            boolean     not null,
    distribution_id   bigint references vault.distribution (id),
    due_on            date,
    settled_at        timestamptz,
    settled_as        text check (settled_as in ('RETURNED', 'DESTROYED')),
    settled_note      text,
    reminded_on       date,
    escalated_on      date,
    unique (document_id, copy_number)
);
create index copy_document on vault.copy (document_id, issued_at desc);
create index copy_open on vault.copy (due_on) where kind = 'NUMBERED' and settled_at is null;
