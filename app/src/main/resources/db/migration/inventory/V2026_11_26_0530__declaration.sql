-- Employee declarations (申告, 秘密情報管理規程 第9条): information an employee created or obtained, sent to
-- the 管理責任者 of their department, who designates it (creating a register entry) or rejects it.
create table inventory.declaration
(
    id                   bigserial primary key,
    declarant_person_id  bigint      not null,
    department_id        bigint      not null,
    title                text        not null,
    description          text,
    kind                 text        not null,
    form                 text        not null,
    location             text,
    origin               text        not null,
    origin_party         text,
    status               text        not null default 'OPEN',
    handled_by_person_id bigint,
    handled_on           date,
    handling_reason      text,
    asset_id             bigint references inventory.asset (id),
    declared_on          date        not null,
    reminded_on          date,
    created_at           timestamptz not null default now()
);
create index declaration_open_idx on inventory.declaration (status, declared_on) where status = 'OPEN';
create index declaration_department_idx on inventory.declaration (department_id);
