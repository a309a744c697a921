-- Published versions of the generated regulations (規程, 基準, 就業規則の条項, テレワーク規程) and the
-- acknowledgement each person in a version's scope owes. A version never changes once published.
create table policy.document_version
(
    id                   bigserial primary key,
    kind                 text        not null,
    number               integer     not null,
    title                text        not null,
    company              text        not null,
    effective_on         date        not null,
    published_at         timestamptz not null default now(),
    published_by_account bigint,
    published_by         text        not null,
    scope_all            boolean     not null,
    scope_departments    bigint[]    not null default '{}',
    due_on               date        not null,
    content              text        not null, -- the document's lines, KIND<TAB>text, one per line
    text_sha256          text        not null,
    docx                 bytea       not null,
    docx_sha256          text        not null,
    pdf                  bytea       not null,
    pdf_sha256           text        not null,
    unique (kind, number)
);

create function policy.refuse_document_version_change() returns trigger
    language plpgsql as
$$
begin
    raise exception 'published document versions are immutable';
end;
$$;

create trigger document_version_immutable
    before update or delete
    on policy.document_version
    for each row
execute function policy.refuse_document_version_change();

-- One row per person in a version's scope, with the person's name, number and primary department as they
-- were at publication (progress is counted by that department). superseded: a newer version of the same
-- document was published before this one was acknowledged.
create table policy.acknowledgement
(
    version_id       bigint      not null references policy.document_version (id),
    person_id        bigint      not null,
    employee_number  text        not null,
    person_name      text        not null,
    department_id    bigint,
    due_on           date        not null,
    acknowledged_at  timestamptz,
    acknowledged_by  bigint,
    superseded       boolean     not null default false,
    reminded_on      date,
    primary key (version_id, person_id)
);

create index acknowledgement_open_by_person on policy.acknowledgement (person_id)
    where acknowledged_at is null and not superseded;
create index acknowledgement_open_by_due on policy.acknowledgement (due_on)
    where acknowledged_at is null and not superseded;
