-- An approval of a request other than ACCESS can be taken back before it runs out: by the entry's 管理責任者 or
-- the 統括責任者 (with a reason), or given back by the requester once done. The request becomes REVOKED, its
-- approved_until is moved to the moment of revocation, and the step records who did it and why.
alter table access.request drop constraint request_status;
alter table access.request add constraint request_status
    check (status in ('PENDING', 'APPROVED', 'REJECTED', 'WITHDRAWN', 'REVOKED'));
alter table access.request_step drop constraint request_step_decision;
alter table access.request_step add constraint request_step_decision
    check (decision in ('APPROVED', 'REJECTED', 'REVOKED'));
create index request_approved_asset_idx on access.request (asset_id) where status = 'APPROVED' and approved_until is not null;
