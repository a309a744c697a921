-- Need-to-know access (接近の制御): grants of register entries, their periodic reviews, requests with their
-- approval steps, and approvers' delegations. Entries, people and departments are referred to by id.
create schema if not exists access;

create table access.entry_grant
(
    id                   bigint generated always as identity primary key,
    asset_id             bigint      not null,   -- inventory.asset id
    holder_kind          text        not null,
    holder_ref           text        not null,   -- person / department / project group id, or a role name
    access_level         text        not null,
    reason               text        not null,
    granted_by_person_id bigint,                 -- null: the system
    request_id           bigint,                 -- the approved request that created it
    starts_at            timestamptz not null,
    ends_at              timestamptz,            -- null: until ended
    ended_at             timestamptz,
    end_reason           text,
    ended_by_person_id   bigint,
    review_flag          text,                   -- why the grant awaits a review (TRANSFERRED, LEAVE_NOTIFIED)
    flagged_at           timestamptz,
    confirmed_at         timestamptz,
    confirmed_by_person_id bigint,
    created_at           timestamptz not null default now(),
    constraint entry_grant_kind check (holder_kind in ('PERSON', 'DEPARTMENT', 'ROLE', 'GROUP')),
    constraint entry_grant_level check (access_level in ('VIEW', 'DOWNLOAD', 'EDIT')),
    constraint entry_grant_period check (ends_at is null or ends_at > starts_at),
    constraint entry_grant_end_reason check (end_reason is null or end_reason in
        ('REVOKED', 'EXPIRED', 'REVIEW_REMOVED', 'PERSON_LEFT', 'LEAVE_NOTIFIED'))
);
create index entry_grant_asset_live_idx on access.entry_grant (asset_id) where ended_at is null;
create index entry_grant_holder_live_idx on access.entry_grant (holder_kind, holder_ref) where ended_at is null;
create index entry_grant_ends_idx on access.entry_grant (ends_at) where ended_at is null and ends_at is not null;

create table access.entry_review
(
    asset_id              bigint primary key,
    last_reviewed_on      date   not null,
    reviewed_by_person_id bigint,
    escalated_on          date
);

create table access.request
(
    id                  bigint generated always as identity primary key,
    kind                text        not null,
    asset_id            bigint      not null,
    requester_person_id bigint      not null,
    access_level        text,                    -- ACCESS only
    medium              text        not null,
    location            text        not null,
    recipient           text        not null,
    reason              text        not null,
    until_on            date,                    -- ACCESS: the grant's last day
    level_code          text,
    approvals_needed    int         not null,
    obligations         text[]      not null default '{}',
    status              text        not null default 'PENDING',
    grant_id            bigint,
    created_at          timestamptz not null default now(),
    decided_at          timestamptz,
    constraint request_kind check (kind in
        ('ACCESS', 'TAKE_OUT', 'COPY', 'PRINT', 'EMAIL_OUTSIDE', 'PROVIDE_TO_THIRD_PARTY', 'DISPOSE')),
    constraint request_status check (status in ('PENDING', 'APPROVED', 'REJECTED', 'WITHDRAWN'))
);
create index request_pending_idx on access.request (asset_id) where status = 'PENDING';
create index request_requester_idx on access.request (requester_person_id, created_at desc);

create table access.request_step
(
    id                     bigint generated always as identity primary key,
    request_id             bigint      not null references access.request (id) on delete cascade,
    person_id              bigint      not null,  -- who acted
    on_behalf_of_person_id bigint,                -- the approver they stood in for, as a delegate
    decision               text        not null,
    note                   text,
    at                     timestamptz not null default now(),
    constraint request_step_decision check (decision in ('APPROVED', 'REJECTED'))
);
create index request_step_request_idx on access.request_step (request_id);

create table access.delegation
(
    id                   bigint generated always as identity primary key,
    approver_person_id   bigint      not null,
    delegate_person_id   bigint      not null,
    starts_on            date        not null,
    ends_on              date        not null,
    revoked_at           timestamptz,
    created_at           timestamptz not null default now(),
    constraint delegation_not_self check (approver_person_id <> delegate_person_id),
    constraint delegation_period check (ends_on >= starts_on)
);
create index delegation_delegate_idx on access.delegation (delegate_person_id) where revoked_at is null;
