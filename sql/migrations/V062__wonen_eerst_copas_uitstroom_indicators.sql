-- Indicators the council documents report and the warehouse did not yet count: the two Wonen Eerst
-- initiatives, CO-pas admissions of all ages, and outflow by destination (door- en uitstroom).
-- Wonen Eerst is delivered as voorzieningstype housing_first; the initiatives differ by target group
-- (Rotterdam voortgangsrapportage 2024): Housing First for people aged 23 or over, Project010 for young
-- people of 18 to 23. The contract has no column naming the initiative, so the age at the start decides.
INSERT INTO core.dim_indicator (indicator_code, indicator_name, domain, definition, counting_rule, unit, direction, source_document, coverage_source) VALUES
('wonen_eerst_housing_first', 'Gehuisvest via Housing First', 'opvang',
 'People housed through Housing First (Wonen Eerst for people aged 23 or over who were homeless for a long time).',
 'Distinct clients aged 23 or over at the start of a housing_first stay that started in the year. The export has no column naming the initiative: the target group (23+) decides.',
 'count', 'higher_is_better', 'Rotterdam voortgangsrapportage 2024', 'opvang/verblijven'),
('wonen_eerst_project010', 'Gehuisvest via Project010', 'opvang',
 'Young people (18 to 23) housed through Project010 (Wonen Eerst with a network of supporters).',
 'Distinct clients aged 18 to 22 at the start of a housing_first stay that started in the year. The export has no column naming the initiative: the target group (18-23) decides; a housing_first stay of someone younger than 18 counts in neither.',
 'count', 'higher_is_better', 'Rotterdam voortgangsrapportage 2024', 'opvang/verblijven'),
('mo_toelatingen', 'Toelatingen maatschappelijke opvang (CO-pas), alle leeftijden', 'opvang',
 'Admissions to the shelter chain through a new CO-pas, all ages (mo_toelatingen_23plus counts the adults).',
 'Distinct clients of any age at the start of an overnight-shelter stay that started in the year with co_pas = ja.',
 'count', 'lower_is_better', 'Rotterdam voortgangsrapportage 2024', 'opvang/verblijven');

-- Outflow: one indicator per destination, for the overnight shelter (mo_) and beschermd wonen (bw_).
INSERT INTO core.dim_indicator (indicator_code, indicator_name, domain, definition, counting_rule, unit, direction, source_document, coverage_source)
SELECT prefix || '_uitstroom' || coalesce('_' || destination, ''),
       'Uitstroom ' || label || coalesce(' naar ' || destination_label, ''),
       domain,
       'Clients whose ' || what || ' ended in the year' || coalesce(' with uitstroom_bestemming ' || destination_rule, '') || '.',
       'Distinct clients with a ' || what || ' that ended in the year (einddatum in the year)'
           || coalesce(', uitstroom_bestemming ' || destination_rule, ', any destination')
           || '. A client who left twice to different destinations counts once under each destination and once in the total.',
       'count', CASE WHEN destination = 'zelfstandig_wonen' THEN 'higher_is_better' ELSE 'lower_is_better' END,
       'Rotterdam Jaarstukken 2022; voortgangsrapportage 2024 (door- en uitstroom)', 'opvang/verblijven'
FROM (VALUES ('mo', 'opvang', 'maatschappelijke opvang', 'overnight-shelter stay (nachtopvang, crisisopvang, 24-uursopvang, doorstroom)'),
             ('bw', 'beschermd_wonen', 'beschermd wonen', 'beschermd_wonen stay')) AS s(prefix, domain, label, what)
CROSS JOIN (VALUES (NULL, NULL, NULL),
                   ('zelfstandig_wonen', 'zelfstandig wonen', 'zelfstandig_wonen'),
                   ('beschermd_wonen', 'beschermd wonen', 'beschermd_wonen'),
                   ('andere_opvang', 'andere opvang', 'andere_opvang'),
                   ('overig', 'overig of onbekend', 'anything else (onbekend, empty or another destination)')) AS d(destination, destination_label, destination_rule);

UPDATE core.dim_indicator SET
    counting_rule = 'Distinct clients with a housing_first stay that started in the year: Housing First (wonen_eerst_housing_first), Project010 (wonen_eerst_project010) and other Wonen Eerst initiatives.'
WHERE indicator_code = 'wonen_eerst';
