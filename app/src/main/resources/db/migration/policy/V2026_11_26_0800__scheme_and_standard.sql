-- The classification scheme and the handling standard (秘密情報管理基準) of the policy module.
create schema if not exists policy;

-- Levels; rank 1 is the strictest. Codes match the register's interim level ids.
create table policy.level
(
    code          text primary key,
    name_ja       text    not null,
    name_en       text    not null,
    rank          integer not null unique,
    colour        text    not null,
    marking       text    not null,
    default_scope text    not null
);
insert into policy.level (code, name_ja, name_en, rank, colour, marking, default_scope)
values ('TOP_SECRET', '極秘', 'Strictly confidential', 1, '#b00020', '極秘', 'アクセス権者限り'),
       ('CONFIDENTIAL', '社外秘', 'Internal only', 2, '#c77700', '社外秘', '社内限り');

-- One cell of the standard: level x aspect x medium. The default rules are loaded by the application
-- (DefaultStandard) when this table is empty, so they can be edited afterwards.
create table policy.rule
(
    level_code        text    not null references policy.level (code),
    aspect            text    not null,
    medium            text    not null,
    permitted         text    not null,
    approval          text    not null default 'NONE',
    prohibited        boolean not null default false,
    obligations       text[]  not null default '{}',
    outside_obligations text[] not null default '{}',
    source            text    not null,
    primary key (level_code, aspect, medium)
);
