-- Completeness of indicator values: which delivered source an indicator is counted from, and which
-- municipalities belonged to a region in a given year (so a region value can say how many of its
-- municipalities delivered).

-- The source folder whose deliveries decide whether a value is complete. mo_nacht_frequent counts
-- nights only of night-shelter stays, so the stays delivery sets its period too.
ALTER TABLE core.dim_indicator ADD COLUMN coverage_source VARCHAR;
UPDATE core.dim_indicator SET coverage_source = CASE
    WHEN domain = 'veiligthuis' THEN 'veiligthuis'
    WHEN indicator_code = 'vo_afgewezen' THEN 'opvang/afwijzingen'
    ELSE 'opvang/verblijven'
END;

-- Years in which a municipality existed (NULL = open). Only municipalities that merged need a row:
-- Appingedam, Delfzijl and Loppersum became Eemsdelta on 1 January 2021.
CREATE TABLE core.municipality_period (
    municipality_code  VARCHAR PRIMARY KEY,
    first_year         INTEGER,
    last_year          INTEGER
);
INSERT INTO core.municipality_period VALUES
    ('GM0003', NULL, 2020),
    ('GM0010', NULL, 2020),
    ('GM0024', NULL, 2020),
    ('GM1979', 2021, NULL);

COMMENT ON COLUMN core.dim_indicator.coverage_source IS 'Source folder whose deliveries decide whether a value of this indicator is complete (mart.indicator_yearly.is_complete).';
COMMENT ON TABLE core.municipality_period IS 'Years a municipality existed, for municipalities that merged; a municipality without a row exists in every year.';
