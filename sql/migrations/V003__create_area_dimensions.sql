-- Regions a municipality belongs to: its Veilig Thuis region and the centrumgemeente regions
-- for maatschappelijke opvang / beschermd wonen (mo_bw) and for vrouwenopvang (vrouwenopvang).
-- Region codes: VT-<name> for Veilig Thuis regions, MOBW-<CBS code of the centrumgemeente> and
-- VO-<CBS code of the centrumgemeente> for the centrumgemeente regions.
CREATE TABLE core.dim_region (
    region_code           VARCHAR PRIMARY KEY,
    region_type           VARCHAR NOT NULL CHECK (region_type IN ('veilig_thuis', 'mo_bw', 'vrouwenopvang')),
    region_name           VARCHAR NOT NULL,
    centrumgemeente_code  VARCHAR
);

CREATE TABLE core.dim_municipality (
    municipality_key    INTEGER PRIMARY KEY,          -- the CBS number, 599 for GM0599
    municipality_code   VARCHAR NOT NULL UNIQUE,      -- GM + four digits
    municipality_name   VARCHAR NOT NULL,
    vt_region_code      VARCHAR REFERENCES core.dim_region (region_code),
    mo_bw_region_code   VARCHAR REFERENCES core.dim_region (region_code),
    vo_region_code      VARCHAR REFERENCES core.dim_region (region_code)
);

INSERT INTO core.dim_region VALUES
    ('VT-ROTTERDAM-RIJNMOND', 'veilig_thuis',  'Veilig Thuis Rotterdam-Rijnmond', NULL),
    ('VT-GRONINGEN',          'veilig_thuis',  'Veilig Thuis Groningen',          NULL),
    ('MOBW-GM0599',           'mo_bw',         'Centrumgemeente Rotterdam (maatschappelijke opvang en beschermd wonen)', 'GM0599'),
    ('VO-GM0599',             'vrouwenopvang', 'Centrumgemeente Rotterdam (vrouwenopvang en huiselijk geweld)',          'GM0599'),
    ('MOBW-GM0014',           'mo_bw',         'Centrumgemeente Groningen (maatschappelijke opvang en beschermd wonen)', 'GM0014'),
    ('VO-GM0014',             'vrouwenopvang', 'Centrumgemeente Groningen (vrouwenopvang en huiselijk geweld)',          'GM0014');

-- Rotterdam region (DESIGN.md glossary) and the 12 Groningen municipalities of 2019, plus
-- Eemsdelta, which replaced Appingedam, Delfzijl and Loppersum in 2021.
INSERT INTO core.dim_municipality VALUES
    (599,  'GM0599', 'Rotterdam',              'VT-ROTTERDAM-RIJNMOND', 'MOBW-GM0599', 'VO-GM0599'),
    (613,  'GM0613', 'Albrandswaard',          'VT-ROTTERDAM-RIJNMOND', 'MOBW-GM0599', 'VO-GM0599'),
    (489,  'GM0489', 'Barendrecht',            'VT-ROTTERDAM-RIJNMOND', 'MOBW-GM0599', 'VO-GM0599'),
    (502,  'GM0502', 'Capelle aan den IJssel', 'VT-ROTTERDAM-RIJNMOND', 'MOBW-GM0599', 'VO-GM0599'),
    (542,  'GM0542', 'Krimpen aan den IJssel', 'VT-ROTTERDAM-RIJNMOND', 'MOBW-GM0599', 'VO-GM0599'),
    (1621, 'GM1621', 'Lansingerland',          'VT-ROTTERDAM-RIJNMOND', 'MOBW-GM0599', 'VO-GM0599'),
    (597,  'GM0597', 'Ridderkerk',             'VT-ROTTERDAM-RIJNMOND', 'MOBW-GM0599', 'VO-GM0599'),
    (14,   'GM0014', 'Groningen',              'VT-GRONINGEN', 'MOBW-GM0014', 'VO-GM0014'),
    (3,    'GM0003', 'Appingedam',             'VT-GRONINGEN', 'MOBW-GM0014', 'VO-GM0014'),
    (10,   'GM0010', 'Delfzijl',               'VT-GRONINGEN', 'MOBW-GM0014', 'VO-GM0014'),
    (24,   'GM0024', 'Loppersum',              'VT-GRONINGEN', 'MOBW-GM0014', 'VO-GM0014'),
    (1979, 'GM1979', 'Eemsdelta',              'VT-GRONINGEN', 'MOBW-GM0014', 'VO-GM0014'),
    (1966, 'GM1966', 'Het Hogeland',           'VT-GRONINGEN', 'MOBW-GM0014', 'VO-GM0014'),
    (1969, 'GM1969', 'Westerkwartier',         'VT-GRONINGEN', 'MOBW-GM0014', 'VO-GM0014'),
    (1952, 'GM1952', 'Midden-Groningen',       'VT-GRONINGEN', 'MOBW-GM0014', 'VO-GM0014'),
    (1895, 'GM1895', 'Oldambt',                'VT-GRONINGEN', 'MOBW-GM0014', 'VO-GM0014'),
    (765,  'GM0765', 'Pekela',                 'VT-GRONINGEN', 'MOBW-GM0014', 'VO-GM0014'),
    (37,   'GM0037', 'Stadskanaal',            'VT-GRONINGEN', 'MOBW-GM0014', 'VO-GM0014'),
    (47,   'GM0047', 'Veendam',                'VT-GRONINGEN', 'MOBW-GM0014', 'VO-GM0014'),
    (1950, 'GM1950', 'Westerwolde',            'VT-GRONINGEN', 'MOBW-GM0014', 'VO-GM0014');

COMMENT ON TABLE core.dim_region IS 'Regions: Veilig Thuis regions and centrumgemeente regions (MO/BW and vrouwenopvang).';
COMMENT ON TABLE core.dim_municipality IS 'Municipalities with CBS code and the regions they belong to.';
