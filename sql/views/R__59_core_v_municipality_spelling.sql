-- Every way an export may write a municipality, normalised (lower case, single spaces, a number of
-- at most four digits without leading zeros), to its key: GM0599 -> 'gm0599', 0599 and 599 -> '599',
-- Rotterdam -> 'rotterdam'. The set-based load joins delivered values, normalised the same way
-- (nl.opvangmonitor.common.load.StagedRows#municipality), against it.
CREATE OR REPLACE VIEW core.v_municipality_spelling AS
WITH spellings AS (
    SELECT lower(municipality_code) AS spelling, municipality_key FROM core.dim_municipality
    UNION ALL
    SELECT CAST(CAST(substr(municipality_code, 3) AS INTEGER) AS VARCHAR), municipality_key FROM core.dim_municipality
    UNION ALL
    SELECT CAST(municipality_key AS VARCHAR), municipality_key FROM core.dim_municipality
    UNION ALL
    SELECT lower(regexp_replace(trim(municipality_name), '\s+', ' ', 'g')), municipality_key FROM core.dim_municipality
)
SELECT spelling, min(municipality_key) AS municipality_key
FROM spellings
GROUP BY spelling;

COMMENT ON VIEW core.v_municipality_spelling IS 'How exports write a municipality (code, number, name; normalised) and its key.';
