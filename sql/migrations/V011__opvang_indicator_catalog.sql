-- Counting rules of the shelter indicators. Common rules:
--  * a stay is "in year Y" when it overlaps Y: start_date <= 31-12-Y and (end_date IS NULL or end_date >= 1-1-Y);
--  * an ongoing stay (no einddatum) is measured up to 31-12-Y, or up to today for the current year;
--  * a person with several stays counts once per indicator, area and year (distinct client_key);
--  * the municipality is the gemeente van herkomst of the stay; region values are sums over the
--    municipalities of the region (a person who came from two municipalities counts in both);
--  * age = year of start_date - geboortejaar: kind < 18, jongere 18-23, volwassene 23+;
--  * overnight shelter (opvang) = nachtopvang, crisisopvang, 24-uursopvang and doorstroom; dagopvang
--    is counted on its own (Groningen reports 494 persons in shelter next to 724 in dagopvang).
UPDATE core.dim_indicator SET
    definition = 'Unique persons using overnight shelter (nachtopvang, crisisopvang, 24-uursopvang, doorstroom) in the year.',
    counting_rule = 'Distinct clients with an overnight-shelter stay overlapping the year; several stays count once. Dagopvang is not included (see mo_unieke_personen_dagopvang).'
WHERE indicator_code = 'mo_unieke_personen';
UPDATE core.dim_indicator SET
    counting_rule = 'Distinct clients whose crisisopvang stay ended in the year with uitstroom_bestemming = zelfstandig_wonen.'
WHERE indicator_code = 'mo_rehab_na_crisis';
UPDATE core.dim_indicator SET
    counting_rule = 'Denominator: distinct clients with at least one night in a nachtopvang facility in the year (opvang nachten). Numerator: those of them with at least 3 nights in each of two consecutive ISO weeks within the year. Municipality: herkomst of the stay that covers the night.'
WHERE indicator_code = 'mo_nacht_frequent';
UPDATE core.dim_indicator SET
    definition = 'Unique persons with a beschermd wonen provision in the year (bw_voorzieningen counts the provisions).',
    counting_rule = 'Distinct clients with a beschermd_wonen stay overlapping the year.'
WHERE indicator_code = 'bw_unieke_personen';
UPDATE core.dim_indicator SET
    counting_rule = 'Distinct women (geslacht v) aged 18 or over at the start of a vrouwenopvang stay overlapping the year.'
WHERE indicator_code = 'vo_vrouwen';
UPDATE core.dim_indicator SET
    counting_rule = 'Distinct children (younger than 18 at the start) with a vrouwenopvang stay overlapping the year.'
WHERE indicator_code = 'vo_kinderen';
UPDATE core.dim_indicator SET
    counting_rule = 'Refusals in the year by a facility whose type (facility version valid on the refusal date) is vrouwenopvang, with reden max_bezetting. Municipality: the gemeente column of the refusal when the export has it.'
WHERE indicator_code = 'vo_afgewezen';
UPDATE core.dim_indicator SET
    counting_rule = 'Mean length in months (days / 30.4375) of the vrouwenopvang stays of women aged 18 or over that ended in the year; numerator = sum of months, denominator = number of stays. Ongoing stays are not included until they end.'
WHERE indicator_code = 'vo_duur';
UPDATE core.dim_indicator SET
    counting_rule = 'Distinct clients aged 23 or over at the start of an overnight-shelter stay that started in the year with co_pas = ja (a new CO-pas / toelating).'
WHERE indicator_code = 'mo_toelatingen_23plus';
UPDATE core.dim_indicator SET
    counting_rule = 'Distinct clients aged 18 or over at the start of a beschermd_wonen stay that started in the year (instroom); split in bw_toelatingen_18_23 and bw_toelatingen_23plus.'
WHERE indicator_code = 'bw_toelatingen';
UPDATE core.dim_indicator SET
    counting_rule = 'Share of the sleepers of the year (distinct clients with an overnight-shelter stay overlapping the year) with a stay longer than 90 days; an ongoing stay is measured up to 31 December of the year (or today).'
WHERE indicator_code = 'mo_verblijf_90plus';
UPDATE core.dim_indicator SET
    counting_rule = 'Distinct clients with a housing_first stay (Wonen Eerst: Housing First, Project010, ...) that started in the year.'
WHERE indicator_code = 'wonen_eerst';

INSERT INTO core.dim_indicator VALUES
('mo_unieke_personen_nachtopvang', 'Unieke personen in de nachtopvang', 'opvang',
 'Unique persons using the nachtopvang in the year.', 'Distinct clients with a nachtopvang stay overlapping the year.',
 'count', 'lower_is_better', 'Groningen Jaarverslag 2019'),
('mo_unieke_personen_crisisopvang', 'Unieke personen in de crisisopvang', 'opvang',
 'Unique persons using the crisisopvang in the year.', 'Distinct clients with a crisisopvang stay overlapping the year.',
 'count', 'lower_is_better', 'Groningen Jaarverslag 2019'),
('mo_unieke_personen_dagopvang', 'Unieke personen in de dagopvang', 'opvang',
 'Unique persons using dagopvang facilities in the year.', 'Distinct clients with a dagopvang stay overlapping the year.',
 'count', 'lower_is_better', 'Groningen Jaarverslag 2019'),
('mo_unieke_personen_24uursopvang', 'Unieke personen in de 24-uursopvang', 'opvang',
 'Unique persons using 24-uursopvang in the year.', 'Distinct clients with a 24-uursopvang stay overlapping the year.',
 'count', 'lower_is_better', 'Opvangmonitor'),
('mo_unieke_personen_doorstroom', 'Unieke personen in doorstroomvoorzieningen', 'opvang',
 'Unique persons in doorstroom facilities in the year.', 'Distinct clients with a doorstroom stay overlapping the year.',
 'count', 'lower_is_better', 'Opvangmonitor'),
('bw_voorzieningen', 'Aantal voorzieningen beschermd wonen', 'beschermd_wonen',
 'Number of beschermd wonen provisions (stays) in the year.', 'Beschermd_wonen stays overlapping the year; a person with two provisions counts twice.',
 'count', 'lower_is_better', 'Groningen Jaarverslag 2019'),
('bw_toelatingen_18_23', 'Toelatingen beschermd wonen jongeren (18-23)', 'beschermd_wonen',
 'Admissions to beschermd wonen of young people aged 18 to 23.', 'As bw_toelatingen, clients aged 18 up to 23 at the start.',
 'count', 'lower_is_better', 'Rotterdam voortgangsrapportage 2024'),
('bw_toelatingen_23plus', 'Toelatingen beschermd wonen volwassenen (23+)', 'beschermd_wonen',
 'Admissions to beschermd wonen of adults aged 23 or over.', 'As bw_toelatingen, clients aged 23 or over at the start.',
 'count', 'lower_is_better', 'Rotterdam voortgangsrapportage 2024');
