-- The company's selection of measures: one row per measure, serving one or more classification levels
-- (policy level codes; no foreign key across schemas), with owner (directory person id), status, dates and
-- evidence.
create table measure.selection
(
    id              bigserial primary key,
    measure_id      bigint      not null unique references measure.measure (id),
    level_codes     text[]      not null,
    owner_person_id bigint,
    status          text        not null check (status in ('NOT_STARTED', 'IN_PROGRESS', 'IN_OPERATION',
                                                           'NEEDS_REVIEW', 'NOT_APPLICABLE')),
    status_reason   text,
    due_date        date,
    review_interval text        not null default 'P12M',
    last_reviewed   date,
    next_review     date,
    note            text,
    version         integer     not null default 0,
    created_at      timestamptz not null default now(),
    updated_at      timestamptz not null default now(),
    check (status <> 'NOT_APPLICABLE' or coalesce(btrim(status_reason), '') <> '')
);
create index selection_by_level on measure.selection using gin (level_codes);
create index selection_by_owner on measure.selection (owner_person_id);

-- Evidence of a selection: an uploaded file (stored under <data dir>/measure/, SHA-256 recorded), a link, or a
-- computed source (an EvidenceSource key; its state is computed when shown, never stored).
create table measure.evidence
(
    id           bigserial primary key,
    selection_id bigint      not null references measure.selection (id),
    kind         text        not null check (kind in ('FILE', 'LINK', 'COMPUTED')),
    label        text        not null,
    url          text,
    file_name    text,
    stored_path  text,
    sha256       text,
    size_bytes   bigint,
    source_key   text,
    added_by     text        not null,
    added_at     timestamptz not null default now()
);
create index evidence_by_selection on measure.evidence (selection_id);
