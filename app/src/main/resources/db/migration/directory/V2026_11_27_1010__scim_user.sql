-- SCIM provisioning (RFC 7643/7644): what an identity provider keeps about a directory person beside the
-- directory's own fields — its userName and externalId, the name parts, the manager it names, and the last
-- 'active' value it sent (so only a change of that value turns into a leave notice or its retraction).
create table directory.scim_user
(
    person_id          bigint primary key references directory.person (id),
    user_name          text        not null,
    external_id        text,
    given_name         text,
    family_name        text,
    manager_person_id  bigint,
    active             boolean     not null default true,
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now()
);
create unique index scim_user_user_name_idx on directory.scim_user (lower(user_name));
create unique index scim_user_external_id_idx on directory.scim_user (external_id) where external_id is not null;
