-- The register lists entries by name; viewers who see the whole register page through this index.
create index asset_name_order_idx on inventory.asset (name, id);
