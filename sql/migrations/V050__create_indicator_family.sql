-- Additive families for disclosure control in the public database: a total indicator and the
-- indicators that split it (by age, by type of facility, by month, ...). For suppression a total and
-- its parts are one table: where one cell of the family (in an area and year) is suppressed, enough
-- others are suppressed that no cell can be recovered by subtraction. A family that is not exactly
-- additive (a person counted in two types) is declared too: subtraction would still narrow a
-- suppressed cell down. Adding an indicator that splits another is adding a row here, no code.
-- Regions and their municipalities form such tables as well; they are declared by
-- core.dim_municipality's region columns.
CREATE TABLE core.indicator_family (
    part_indicator_code   VARCHAR PRIMARY KEY,
    total_indicator_code  VARCHAR NOT NULL,
    split                 VARCHAR NOT NULL
);

COMMENT ON TABLE core.indicator_family IS 'Additive families for disclosure control: each part indicator with the total it splits.';
COMMENT ON COLUMN core.indicator_family.part_indicator_code IS 'The indicator that is a part of the total (its indicator_code).';
COMMENT ON COLUMN core.indicator_family.total_indicator_code IS 'The total indicator the parts add up to.';
COMMENT ON COLUMN core.indicator_family.split IS 'What the parts split the total by: age, type, month, ...';

INSERT INTO core.indicator_family VALUES
('bw_toelatingen_18_23',            'bw_toelatingen',     'age'),
('bw_toelatingen_23plus',           'bw_toelatingen',     'age'),
('mo_unieke_personen_nachtopvang',  'mo_unieke_personen', 'type'),
('mo_unieke_personen_crisisopvang', 'mo_unieke_personen', 'type'),
('mo_unieke_personen_24uursopvang', 'mo_unieke_personen', 'type'),
('mo_unieke_personen_doorstroom',   'mo_unieke_personen', 'type');
