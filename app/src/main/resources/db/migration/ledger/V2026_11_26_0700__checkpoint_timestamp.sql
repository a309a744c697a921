-- RFC 3161 time-stamps of signed checkpoints. A separate append-only table rather than a column on
-- ledger.checkpoint (whose rows nothing may update): a checkpoint is signed first and stamped right after,
-- and a stamp that failed (an external TSA out of reach) is retried later.
create table ledger.checkpoint_timestamp
(
    checkpoint_id bigint primary key references ledger.checkpoint (id),
    response      bytea       not null, -- the TimeStampResp (DER), what `openssl ts -verify -in` reads
    gen_time      timestamptz not null,
    tsa_url       text,                 -- null: Mamori's built-in TSA (not an accredited third party)
    created_at    timestamptz not null default now()
);

create trigger checkpoint_timestamp_no_update_or_delete
    before update or delete on ledger.checkpoint_timestamp
    for each row execute function ledger.refuse_change();
