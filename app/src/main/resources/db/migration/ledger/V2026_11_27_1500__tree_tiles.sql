-- Tiles of the Merkle tree, as C2SP tlog-tiles lays them out: the tile (level L, index i), L a multiple of 6, holds
-- the 64 consecutive hashes of the level-L nodes i*64 .. i*64+63 (level 0: the leaf hashes of entries
-- seq = i*64+1 .. i*64+64), concatenated, 2,048 bytes. Only complete tiles are stored; like every other row of the
-- ledger they never change. A proof then reads one tile per six levels instead of one row per node.
create table ledger.tree_tile
(
    level  int    not null,
    idx    bigint not null,
    hashes bytea  not null check (length(hashes) = 2048),
    primary key (level, idx)
);

-- kept inline (2 KB rows, three to a page): hashes do not compress, and moving them out of line would add reads
alter table ledger.tree_tile alter column hashes set storage plain;

create trigger tree_tile_no_update_or_delete
    before update or delete on ledger.tree_tile
    for each row execute function ledger.refuse_change();

create trigger tree_tile_no_truncate
    before truncate on ledger.tree_tile
    for each statement execute function ledger.refuse_change();

-- the tiles of the log as it stands
insert into ledger.tree_tile (level, idx, hashes)
select 0, (seq - 1) / 64, string_agg(leaf_hash, ''::bytea order by seq)
from ledger.entry
group by (seq - 1) / 64
having count(*) = 64;

do
$$
    declare
        l int := 6;
    begin
        while exists(select 1 from ledger.tree_node where level = l) loop
            insert into ledger.tree_tile (level, idx, hashes)
            select l, idx / 64, string_agg(hash, ''::bytea order by idx)
            from ledger.tree_node
            where level = l
            group by idx / 64
            having count(*) = 64;
            l := l + 6;
        end loop;
    end
$$;
