-- Local accounts, their roles (MANAGER scoped to departments) and personal API tokens.
create schema if not exists platform;

create table platform.account
(
    id            bigint generated always as identity primary key,
    username      text        not null unique,
    password_hash text        not null,
    display_name  text        not null,
    person_id     bigint,                       -- directory.person id; no foreign key across modules
    locale        text        not null default 'ja',
    enabled       boolean     not null default true,
    failed_logins int         not null default 0,
    locked_until  timestamptz,
    last_login_at timestamptz,
    created_at    timestamptz not null default now(),
    updated_at    timestamptz not null default now(),
    constraint account_username_shape check (username ~ '^[A-Za-z0-9._@-]{2,64}$'),
    constraint account_locale check (locale in ('ja', 'en'))
);
create unique index account_person_idx on platform.account (person_id) where person_id is not null;

create table platform.account_role
(
    account_id    bigint not null references platform.account (id) on delete cascade,
    role          text   not null,
    department_id bigint,                       -- directory.department id, only for MANAGER
    constraint account_role_scope check ((role = 'MANAGER') = (department_id is not null))
);
create unique index account_role_unique on platform.account_role (account_id, role, coalesce(department_id, 0));

create table platform.api_token
(
    id           bigint generated always as identity primary key,
    account_id   bigint      not null references platform.account (id) on delete cascade,
    name         text        not null,
    token_hash   text        not null unique,   -- SHA-256 hex of the token; the token itself is never stored
    prefix       text        not null,          -- first characters, to tell tokens apart in lists
    created_at   timestamptz not null default now(),
    expires_at   timestamptz not null,
    revoked_at   timestamptz,
    last_used_at timestamptz
);
create index api_token_account_idx on platform.api_token (account_id);
