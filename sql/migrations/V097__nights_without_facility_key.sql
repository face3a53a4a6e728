-- A night's facility version is found by its facility and date (core.v_indicator_opvang joins core.dim_facility
-- on voorziening and valid_from/valid_to), not stored: writing the version into every night after each load
-- cost more than the rest of the indicator step on a first load (1.6 s for 10 million nights), and the nights
-- are the only facts that many. Stays and refusals keep their facility_key.
ALTER TABLE core.fct_nacht DROP COLUMN facility_key;
