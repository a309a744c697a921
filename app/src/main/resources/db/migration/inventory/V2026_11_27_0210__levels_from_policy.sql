-- The register now uses the policy module's classification scheme (policy.level). Entries keep their
-- level codes, which are the same as the interim scheme's ids; the interim table goes.
alter table inventory.asset drop constraint if exists asset_level_id_fkey;
drop table inventory.level;
