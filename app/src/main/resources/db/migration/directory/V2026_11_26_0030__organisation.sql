-- The organisation: departments in a tree with their 管理責任者, and people (従業員等) with their
-- employment type, departments and lifecycle status.
create schema if not exists directory;

create table directory.department
(
    id           bigint generated always as identity primary key,
    code         text        not null unique,
    name_ja      text        not null,
    name_en      text,
    parent_id    bigint references directory.department (id),
    active       boolean     not null default true,
    abolished_on date,
    created_at   timestamptz not null default now(),
    updated_at   timestamptz not null default now(),
    constraint department_code_shape check (code ~ '^[A-Za-z0-9_.-]{1,32}$'),
    constraint department_not_own_parent check (parent_id is null or parent_id <> id),
    constraint department_abolished check (active or abolished_on is not null)
);
create index department_parent_idx on directory.department (parent_id);

create table directory.person
(
    id               bigint generated always as identity primary key,
    employee_number  text        not null unique,
    name             text        not null,
    name_kana        text        not null,
    email            text,
    position         text,
    employment_type  text        not null,
    employer         text,      -- the dispatching or contracting company, for 派遣労働者 / 委託先従業員 / 出向者
    status           text        not null,
    joined_on        date,
    leave_from       date,      -- 休職開始日
    notice_date      date,      -- 退職の申出日
    last_working_day date,      -- 最終出勤日
    left_on          date,      -- 退職日
    version          int         not null default 0,
    created_at       timestamptz not null default now(),
    updated_at       timestamptz not null default now(),
    constraint person_employee_number_shape check (employee_number ~ '^[A-Za-z0-9_-]{1,32}$'),
    constraint person_status check (status in ('PROSPECTIVE', 'ACTIVE', 'ON_LEAVE', 'LEAVING', 'LEFT')),
    constraint person_employment_type check (employment_type in
        ('EXECUTIVE', 'REGULAR', 'CONTRACT', 'PART_TIME', 'DISPATCHED', 'CONTRACTOR_STAFF', 'SECONDED')),
    constraint person_leaving_dates check (status <> 'LEAVING' or (notice_date is not null and last_working_day is not null)),
    constraint person_left_date check (status <> 'LEFT' or left_on is not null)
);
create index person_name_kana_idx on directory.person (name_kana text_pattern_ops);
create index person_name_idx on directory.person (name text_pattern_ops);
create index person_status_idx on directory.person (status);
create index person_type_idx on directory.person (employment_type);

create table directory.person_department
(
    person_id     bigint  not null references directory.person (id) on delete cascade,
    department_id bigint  not null references directory.department (id),
    is_primary    boolean not null,
    primary key (person_id, department_id)
);
create unique index person_department_one_primary on directory.person_department (person_id) where is_primary;
create index person_department_department_idx on directory.person_department (department_id, person_id);

create table directory.department_manager
(
    department_id bigint not null references directory.department (id) on delete cascade,
    person_id     bigint not null references directory.person (id),
    primary key (department_id, person_id)
);
