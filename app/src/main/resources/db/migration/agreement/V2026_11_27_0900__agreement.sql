-- Pledges, agreements and training (agreement module). People, departments and assets are referred to by
-- id (no foreign keys across schemas).
create schema if not exists agreement;

-- Immutable versions of the document templates (pledges, NDA, contract clauses) as companies edit them.
create table agreement.template_version
(
    id          bigserial primary key,
    kind        text        not null,
    number      integer     not null,
    source      text        not null,
    sha256      text        not null,
    note        text,
    created_at  timestamptz not null default now(),
    created_by  text        not null,
    unique (kind, number)
);

-- A document generated from a template version with its values: what was signed or handed over. Its text is
-- fixed when it is made; for pledges the DOCX and PDF are rendered from that text when first needed (at the
-- latest when it is signed), so that asking 100,000 people for a pledge does not render 200,000 files.
create table agreement.document
(
    id                  bigserial primary key,
    kind                text        not null,
    template_version_id bigint      not null references agreement.template_version (id),
    title               text        not null,
    company             text        not null,
    person_id           bigint,
    counterparty        text,
    template_values     jsonb       not null,
    content             text        not null,
    text_sha256         text        not null,
    docx                bytea,
    docx_sha256         text,
    pdf                 bytea,
    pdf_sha256          text,
    created_at          timestamptz not null default now(),
    created_by          text        not null
);
create index document_by_person on agreement.document (person_id);

-- A pledge asked of a person, and its outcome: signed in Mamori, signed on paper (scan uploaded), refused.
create table agreement.pledge
(
    id               bigserial primary key,
    person_id        bigint      not null,
    department_id    bigint,
    kind             text        not null check (kind in ('JOINING', 'PROJECT', 'PROJECT_CLOSING', 'LEAVING')),
    document_id      bigint      not null references agreement.document (id),
    project_key      text,
    project_name     text,
    state            text        not null check (state in ('PENDING', 'SIGNED', 'REFUSED', 'WITHDRAWN')),
    requested_at     timestamptz not null,
    requested_by     text        not null,
    due_on           date        not null,
    signed_at        timestamptz,
    signed_by        bigint,
    method           text check (method in ('IN_APP', 'SCAN')),
    scan             bytea,
    scan_name        text,
    scan_sha256      text,
    refused_at       timestamptz,
    refusal_reason   text,
    survives_leaving boolean     not null,
    valid_years      integer,
    valid_until      date,
    escalated_on     date,
    check (state <> 'SIGNED' or signed_at is not null),
    check (state <> 'REFUSED' or refused_at is not null)
);
create index pledge_by_person on agreement.pledge (person_id, kind);
create index pledge_pending on agreement.pledge (due_on) where state = 'PENDING';
create index pledge_by_project on agreement.pledge (project_key) where project_key is not null;

-- Secrets known to belong to a project (a project group, or a single designated entry), from the register's
-- events; a project pledge lists them.
create table agreement.project_secret
(
    project_key  text        not null,
    project_name text        not null,
    asset_id     bigint      not null,
    asset_name   text        not null,
    added_at     timestamptz not null default now(),
    primary key (project_key, asset_id)
);
create table agreement.project
(
    project_key text primary key,
    name        text        not null,
    ended_on    date,
    ended_by    text
);

-- Training: courses (classroom or e-learning with a short comprehension check), assignments and completion.
create table agreement.training_course
(
    id          bigserial primary key,
    title       text        not null,
    kind        text        not null check (kind in ('CLASSROOM', 'ELEARNING')),
    material    text        not null,
    quiz        jsonb       not null default '[]',
    pass_mark   integer     not null default 100,
    acknowledgement text    not null,
    created_at  timestamptz not null default now(),
    created_by  text        not null
);
create table agreement.training_assignment
(
    course_id     bigint      not null references agreement.training_course (id),
    person_id     bigint      not null,
    department_id bigint,
    assigned_on   date        not null,
    due_on        date        not null,
    completed_at  timestamptz,
    score         integer,
    attempts      integer     not null default 0,
    recorded_by   text,
    reminded_on   date,
    primary key (course_id, person_id)
);
create index training_pending on agreement.training_assignment (due_on) where completed_at is null;
