-- When the last review was completed, to the moment: a grant kept ("継続") after it was confirmed in the review
-- under way, one confirmed by the completion itself or earlier was not. Older reviews count from the end of their day.
alter table access.entry_review add column last_reviewed_at timestamptz;
update access.entry_review
set last_reviewed_at = ((last_reviewed_on + 1)::timestamp at time zone 'Asia/Tokyo')
where last_reviewed_on is not null;
