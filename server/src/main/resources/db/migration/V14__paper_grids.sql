-- Paper observation grids (issue 16): the facilitator types in the grids observers filled on paper
-- in rooms without network. They count in cards_round.grids, cards_citation and cards_grid_value
-- exactly as phone grids; their cards_grid_value rows carry participant_id 'paper-1', 'paper-2'…
-- (participant ids start 'p_'), and each round says how many of its grids came from paper.
alter table cards_round add column paper_grids integer not null default 0;
