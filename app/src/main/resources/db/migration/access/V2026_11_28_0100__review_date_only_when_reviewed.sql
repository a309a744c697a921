-- An escalation no longer writes a review date for an entry that was never reviewed: the date is that of the
-- last real review, or none.
alter table access.entry_review alter column last_reviewed_on drop not null;
