-- Targets (streefwaarden) as councils write them, parsed: ">55%" -> ('>', 55), "**" -> no target.
-- area_code is a municipality code (GM0599) or a region code (VT-GRONINGEN).
CREATE TABLE core.fct_target (
    file_id             BIGINT  NOT NULL,
    row_number          INTEGER NOT NULL,
    indicator_code      VARCHAR NOT NULL,
    area_code           VARCHAR NOT NULL,
    year                INTEGER NOT NULL,
    target_text         VARCHAR NOT NULL,
    target_operator     VARCHAR,               -- >, >=, <, <=, =, between; NULL when no target is set (**)
    target_value        DECIMAL(18, 4),
    target_value_upper  DECIMAL(18, 4),        -- only for ranges such as 88-90%
    source_document     VARCHAR,
    publication_date    DATE
);

-- Computed indicator values: numerator and denominator per area and year.
-- area_type municipality: area_code = GM code; area_type region: area_code = region code.
CREATE TABLE core.fct_indicator_value (
    indicator_code  VARCHAR NOT NULL,
    area_type       VARCHAR NOT NULL CHECK (area_type IN ('municipality', 'region')),
    area_code       VARCHAR NOT NULL,
    year            INTEGER NOT NULL,
    numerator       DECIMAL(18, 4),
    denominator     DECIMAL(18, 4),
    PRIMARY KEY (indicator_code, area_type, area_code, year)
);
COMMENT ON TABLE core.fct_target IS 'Targets (streefwaarden) per indicator, area and year, with their source document.';
COMMENT ON TABLE core.fct_indicator_value IS 'Indicator numerators and denominators per municipality or region and year.';
