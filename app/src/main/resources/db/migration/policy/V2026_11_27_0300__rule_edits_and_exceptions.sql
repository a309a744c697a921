-- The standard editor: a rule keeps its handbook citation in `source` and records the company's last edit.
alter table policy.rule
    add column edited_at timestamptz,
    add column edited_by text;

-- Departments' exceptions to single rules (部署ごとの例外). Null change columns leave the rule as it is.
-- The department is the directory's id (no foreign key across module schemas); APPROVED exceptions whose
-- ends_on has passed are shown as expired and no longer apply.
create table policy.rule_exception
(
    id                 bigint generated always as identity primary key,
    level_code         text        not null,
    aspect             text        not null,
    medium             text        not null,
    department_id      bigint      not null,
    permitted          text,
    approval           text,
    prohibited         boolean,
    waived_obligations text[]      not null default '{}',
    reason             text        not null,
    ends_on            date,
    status             text        not null check (status in ('PENDING', 'APPROVED', 'REJECTED', 'WITHDRAWN', 'REVOKED')),
    requested_by       bigint      not null,
    requested_by_name  text        not null,
    requested_at       timestamptz not null,
    decided_by         bigint,
    decided_by_name    text,
    decided_at         timestamptz,
    decision_note      text
);
create index rule_exception_status on policy.rule_exception (status, id);
create index rule_exception_rule on policy.rule_exception (level_code, aspect, medium, department_id);
