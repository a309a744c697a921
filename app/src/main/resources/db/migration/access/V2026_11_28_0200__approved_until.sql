-- An approved request other than ACCESS (持出し, copy, print, e-mail outside, giving to a third party, disposal)
-- lets its requester do what was asked until this moment: the end of the request's last day (until_on, now
-- asked for every kind), or mamori.access.approval-validity after the approval.
alter table access.request add column approved_until timestamptz;
create index request_approved_idx on access.request (approved_until) where status = 'APPROVED' and approved_until is not null;
