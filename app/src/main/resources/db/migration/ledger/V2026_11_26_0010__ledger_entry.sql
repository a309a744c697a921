-- The audit trail. Append-only: a trigger refuses every UPDATE, DELETE and TRUNCATE.
create schema if not exists ledger;

create table ledger.entry
(
    seq              bigint primary key,
    recorded_at      timestamptz not null default clock_timestamp(),
    actor_kind       text        not null,
    actor_account_id bigint,
    actor_username   text,
    actor_person_id  bigint,
    action           text        not null,
    subject_type     text        not null,
    subject_id       text        not null,
    details          jsonb       not null default '{}'::jsonb
);

create index entry_subject_idx on ledger.entry (subject_type, subject_id, seq);
create index entry_action_idx on ledger.entry (action text_pattern_ops, seq);
create index entry_actor_idx on ledger.entry (actor_username, seq);
create index entry_time_idx on ledger.entry (recorded_at);

create function ledger.refuse_change() returns trigger
    language plpgsql as
$$
begin
    raise exception 'ledger entries are append-only (% refused)', tg_op;
end;
$$;

create trigger entry_no_update_or_delete
    before update or delete on ledger.entry
    for each row execute function ledger.refuse_change();

create trigger entry_no_truncate
    before truncate on ledger.entry
    for each statement execute function ledger.refuse_change();
