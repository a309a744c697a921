-- Decisions on what to keep secret (秘密情報の決定): the answers to the handbook's questions, Mamori's
-- recommendation and the outcome the responsible manager chose, with the reason.
create table inventory.decision
(
    id                  bigserial primary key,
    asset_id            bigint      not null references inventory.asset (id) on delete cascade,
    answers             text        not null,
    recommended         text        not null,
    chosen              text        not null,
    reason              text        not null,
    decided_by          bigint,
    decided_at          timestamptz not null default now()
);
create index decision_asset_idx on inventory.decision (asset_id, id desc);
