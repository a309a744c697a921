-- The register list at scale (issue 3): a restricted viewer's page is answered from indexes alone.
-- 1. Access-holder lookups return the entry ids from the index (index-only scans), not from the table.
create index access_holder_ref_asset_idx on inventory.access_holder (kind, ref, asset_id);
drop index inventory.access_holder_ref_idx;
-- 2. The visible entries are filtered, counted and sorted from a covering index of the list's columns;
--    only the page's rows are read from the table (a text search on the description still reads the rows).
create index asset_list_idx on inventory.asset (id) include (name, department_id, kind, stage, level_id,
    trade_secret, limited_provision_data, personal_info, export_controlled, contractual_duty, next_review_on,
    secret_until);
-- 3. Entries of managed departments: a range of this index, filtered, counted and sorted without the table.
create index asset_department_list_idx on inventory.asset (department_id, id) include (level_id, name, kind, stage,
    trade_secret, limited_provision_data, personal_info, export_controlled, contractual_duty, next_review_on,
    secret_until);
drop index inventory.asset_department_idx;
