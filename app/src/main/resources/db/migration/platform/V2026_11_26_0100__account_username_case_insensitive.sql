-- Sign-in looks accounts up by lower(username); make that lookup unique as well, so "Tanaka" and
-- "tanaka" can never be two accounts (the service checks this too, the index closes the race).
create unique index account_username_lower_idx on platform.account (lower(username));
