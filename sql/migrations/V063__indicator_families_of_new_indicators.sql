-- Disclosure control for the indicators of V062: the parts they split a total into are one table with
-- that total (see V050). Outflow per destination is not exactly additive (a client who left twice to
-- different destinations counts under each), which subtraction could still exploit, so it is declared.
-- mo_toelatingen_23plus is not declared under mo_toelatingen: its complement (under 23) is no indicator,
-- so neither cell can be recovered from the other.
INSERT INTO core.indicator_family VALUES
('wonen_eerst_housing_first',    'wonen_eerst',  'initiative'),
('wonen_eerst_project010',       'wonen_eerst',  'initiative'),
('mo_uitstroom_zelfstandig_wonen', 'mo_uitstroom', 'destination'),
('mo_uitstroom_beschermd_wonen',   'mo_uitstroom', 'destination'),
('mo_uitstroom_andere_opvang',     'mo_uitstroom', 'destination'),
('mo_uitstroom_overig',            'mo_uitstroom', 'destination'),
('bw_uitstroom_zelfstandig_wonen', 'bw_uitstroom', 'destination'),
('bw_uitstroom_beschermd_wonen',   'bw_uitstroom', 'destination'),
('bw_uitstroom_andere_opvang',     'bw_uitstroom', 'destination'),
('bw_uitstroom_overig',            'bw_uitstroom', 'destination');
