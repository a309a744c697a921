-- The information-asset register (情報資産台帳) of the inventory module.
create schema if not exists inventory;

-- Classification levels. An interim built-in scheme (極秘 / 社外秘) that the policy module will replace;
-- entries refer to a level by its id, and the level with the highest rank hides the existence of its
-- entries from anyone outside their access holders.
create table inventory.level
(
    id      text primary key,
    name_ja text    not null,
    name_en text    not null,
    rank    integer not null unique,
    marking text    not null
);
insert into inventory.level (id, name_ja, name_en, rank, marking)
values ('TOP_SECRET', '極秘', 'Strictly confidential', 20, '極秘'),
       ('CONFIDENTIAL', '社外秘', 'Internal only', 10, '社外秘');

create table inventory.asset
(
    id                       bigserial primary key,
    name                     text        not null,
    description              text,
    department_id            bigint      not null,
    responsible_person_id    bigint      not null,
    kind                     text        not null,
    sub_kind                 text,
    origin                   text        not null,
    origin_party             text,
    origin_duty              text,
    trade_secret             boolean     not null default false,
    limited_provision_data   boolean     not null default false,
    personal_info            boolean     not null default false,
    personal_info_count      integer,
    sensitive_personal_info  boolean     not null default false,
    export_controlled        boolean     not null default false,
    contractual_duty         boolean     not null default false,
    contractual_duty_to      text,
    stage                    text        not null default 'CREATED',
    unneeded                 boolean     not null default false,
    unneeded_reason          text,
    disposal_method          text,
    disposed_on              date,
    disposed_by_person_id    bigint,
    disposal_witness_person_id bigint,
    level_id                 text references inventory.level (id),
    marking                  text,
    secret_until             date,
    secret_until_event       text,
    designated_by_person_id  bigint,
    designated_on            date,
    next_review_on           date,
    created_at               timestamptz not null default now(),
    updated_at               timestamptz not null default now(),
    version                  integer     not null default 0
);
create index asset_department_idx on inventory.asset (department_id);
create index asset_responsible_idx on inventory.asset (responsible_person_id);
create index asset_level_idx on inventory.asset (level_id);

-- The forms an entry exists in (文書等 / 電子化情報 / 物件 / ノウハウ), each with where it is kept.
create table inventory.asset_form
(
    asset_id bigint not null references inventory.asset (id) on delete cascade,
    form     text   not null,
    location text,
    primary key (asset_id, form)
);

-- Who may access a designated entry: a person, a department (with its sub-departments), a role or a
-- named project group.
create table inventory.access_holder
(
    asset_id bigint not null references inventory.asset (id) on delete cascade,
    kind     text   not null,
    ref      text   not null,
    primary key (asset_id, kind, ref)
);
create index access_holder_ref_idx on inventory.access_holder (kind, ref);

create table inventory.project_group
(
    id   bigserial primary key,
    name text not null unique
);

create table inventory.project_group_member
(
    group_id  bigint not null references inventory.project_group (id) on delete cascade,
    person_id bigint not null,
    primary key (group_id, person_id)
);
create index project_group_member_person_idx on inventory.project_group_member (person_id);
