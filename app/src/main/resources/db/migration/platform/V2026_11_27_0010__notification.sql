-- Notification inboxes: messages to accounts, rendered in the reader's language when read.
create table platform.notification
(
    id          bigint generated always as identity primary key,
    account_id  bigint      not null references platform.account (id) on delete cascade,
    message_key text        not null,
    args        text[]      not null default '{}',
    href        text,
    created_at  timestamptz not null default now(),
    read_at     timestamptz
);
create index notification_inbox_idx on platform.notification (account_id, created_at desc);
create index notification_unread_idx on platform.notification (account_id) where read_at is null;
