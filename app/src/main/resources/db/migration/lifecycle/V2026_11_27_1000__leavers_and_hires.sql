-- The lifecycle module: leaver checklists, the register of lent equipment and media, and hires from
-- competitors. People are referred to by their directory id (no foreign keys across module schemas).
create schema if not exists lifecycle;

-- One checklist per leaver, opened by the notice of leaving (or by leaving without notice).
create table lifecycle.leaver
(
    person_id         bigint primary key,
    notice_date       date,
    last_working_day  date,
    left_on           date,
    retracted         boolean     not null default false,
    monitoring_from   date        not null,
    monitoring_until  date        not null,
    alumni_contact    text,
    opened_at         timestamptz not null default now(),
    updated_at        timestamptz not null default now()
);
create index leaver_open_idx on lifecycle.leaver (retracted, last_working_day);

-- A step confirmed by hand (HR or the 管理責任者), with a note and an optional file (e.g. the erasure pledge).
create table lifecycle.leaver_step
(
    person_id     bigint      not null references lifecycle.leaver (person_id) on delete cascade,
    step          text        not null,
    state         text        not null,
    on_date       date        not null,
    note          text,
    confirmed_by  text        not null,
    confirmed_at  timestamptz not null default now(),
    document_id   bigint,
    primary key (person_id, step)
);

-- What each person was lent (PCs, phones, USB media, ID cards, keys, documents), with its return.
create table lifecycle.lent_item
(
    id           bigserial primary key,
    person_id    bigint      not null,
    kind         text        not null,
    label        text        not null,
    serial       text,
    lent_on      date        not null,
    returned_on  date,
    return_note  text,
    created_at   timestamptz not null default now()
);
create index lent_item_person_idx on lifecycle.lent_item (person_id);
create index lent_item_outstanding_idx on lifecycle.lent_item (person_id) where returned_on is null;

-- Uploaded files (signed pledges), kept in the database with their SHA-256.
create table lifecycle.document
(
    id            bigserial primary key,
    file_name     text        not null,
    content_type  text        not null,
    sha256        text        not null,
    size          bigint      not null,
    content       bytea       not null,
    uploaded_at   timestamptz not null default now()
);

-- A hire from a competitor (5-2(1)): the previous employer, the duties still owed, the interview, the
-- pledge not to bring or use others' secrets, the reason for hiring, and the periodic check of their work.
create table lifecycle.hire
(
    id                      bigserial primary key,
    person_id               bigint      not null unique,
    previous_employer       text        not null,
    previous_position       text,
    key_person              boolean     not null default false,
    confidentiality_duties  text,
    non_compete_duties      text,
    non_compete_until       date,
    interviewed_on          date,
    interview_record        text,
    pledge_signed_on        date,
    pledge_note             text,
    pledge_document_id      bigint references lifecycle.document (id),
    hiring_reason           text,
    recorded_on             date        not null,
    last_checked_on         date,
    version                 integer     not null default 0
);

create table lifecycle.hire_check
(
    id          bigserial primary key,
    hire_id     bigint      not null references lifecycle.hire (id) on delete cascade,
    checked_on  date        not null,
    note        text        not null,
    checked_by  text        not null,
    created_at  timestamptz not null default now()
);
create index hire_check_hire_idx on lifecycle.hire_check (hire_id);
