-- Whom an e-mail outside the company or a provision to a third party goes to (company, person, address), as the
-- requester names it for the approver; null for the other kinds and for requests filed before.
alter table access.request add column recipient_name text;
