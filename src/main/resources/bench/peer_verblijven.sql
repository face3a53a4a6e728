-- Opvang verblijven: as peer_meldingen.sql, with the rules that span columns (einddatum after
-- startdatum, a birth year before the stay) and the code lists as CASE expressions.
CREATE OR REPLACE TEMP TABLE stg_verblijf AS
WITH source AS (
    SELECT *, row_number() OVER () AS n
    FROM read_csv(getvariable('verblijven'), delim = ';', header = true, all_varchar = true, filename = true)
), typed AS (
    SELECT filename AS file, n - min(n) OVER (PARTITION BY filename) + 2 AS row_number,
           nl_text(verblijf_id) AS verblijf_id,
           row_number() OVER (PARTITION BY filename, nl_text(verblijf_id) ORDER BY n) > 1 AS repeated,
           nl_text(client_id) AS client_id,
           nl_text(geboortejaar) AS geboortejaar_text, nl_number(nl_text(geboortejaar)) AS geboortejaar,
           nl_code(nl_text(huishouden)) AS huishouden,
           nl_text(geslacht) AS geslacht_text,
           CASE lower(nl_text(geslacht)) WHEN 'v' THEN 'v' WHEN 'vrouw' THEN 'v' WHEN 'f' THEN 'v' WHEN 'female' THEN 'v'
               WHEN 'm' THEN 'm' WHEN 'man' THEN 'm' WHEN 'male' THEN 'm'
               WHEN 'x' THEN 'x' WHEN 'o' THEN 'x' WHEN 'onbekend' THEN 'x' WHEN 'anders' THEN 'x' WHEN 'overig' THEN 'x' END AS geslacht,
           nl_text(voorziening) AS voorziening,
           nl_text(voorzieningstype) AS type_text,
           CASE regexp_replace(lower(nl_text(voorzieningstype)), '[\s_\-]+', '', 'g')
               WHEN 'nachtopvang' THEN 'nachtopvang' WHEN 'dagopvang' THEN 'dagopvang' WHEN 'crisisopvang' THEN 'crisisopvang'
               WHEN '24uursopvang' THEN '24-uursopvang' WHEN 'vrouwenopvang' THEN 'vrouwenopvang'
               WHEN 'beschermdwonen' THEN 'beschermd_wonen' WHEN 'doorstroom' THEN 'doorstroom'
               WHEN 'housingfirst' THEN 'housing_first' END AS voorzieningstype,
           nl_text(aanbieder) AS aanbieder,
           nl_text(gemeente_herkomst) AS gemeente_text, g.municipality_key,
           nl_text(startdatum) AS start_text, nl_date(nl_text(startdatum)) AS startdatum,
           nl_text(einddatum) AS eind_text, nl_date(nl_text(einddatum)) AS einddatum,
           nl_code(nl_text(uitstroom_bestemming)) AS uitstroom_bestemming,
           nl_text(co_pas) AS co_pas_text, nl_bool(nl_text(co_pas)) AS co_pas
    FROM source LEFT JOIN gemeente_spelling g ON g.spelling = nl_gemeente(nl_text(source.gemeente_herkomst))
)
SELECT *, keyed_pseudonym(client_id) AS client_key,
       CAST(year(startdatum) - geboortejaar AS INTEGER) AS leeftijd,
       CASE WHEN verblijf_id IS NULL THEN {'column': 'verblijf_id', 'value': NULL, 'reason': 'required value is empty'}
            WHEN repeated THEN {'column': 'verblijf_id', 'value': verblijf_id, 'reason': 'verblijf_id repeats an earlier row of this file'}
            WHEN client_id IS NULL THEN {'column': 'client_id', 'value': NULL, 'reason': 'required value is empty'}
            WHEN geboortejaar_text IS NULL THEN {'column': 'geboortejaar', 'value': NULL, 'reason': 'required value is empty'}
            WHEN geboortejaar IS NULL OR geboortejaar <> trunc(geboortejaar) THEN {'column': 'geboortejaar', 'value': geboortejaar_text, 'reason': 'not a whole number'}
            WHEN geboortejaar NOT BETWEEN 1900 AND year(current_date) THEN {'column': 'geboortejaar', 'value': geboortejaar_text, 'reason': 'birth year outside 1900-' || year(current_date)}
            WHEN huishouden IS NULL OR huishouden NOT IN ('alleenstaand', 'gezin') THEN {'column': 'huishouden', 'value': huishouden, 'reason': 'not alleenstaand or gezin'}
            WHEN geslacht IS NULL THEN {'column': 'geslacht', 'value': geslacht_text, 'reason': 'not v, m or x'}
            WHEN voorziening IS NULL THEN {'column': 'voorziening', 'value': NULL, 'reason': 'required value is empty'}
            WHEN voorzieningstype IS NULL THEN {'column': 'voorzieningstype', 'value': type_text, 'reason': 'unknown voorzieningstype'}
            WHEN municipality_key IS NULL THEN {'column': 'gemeente_herkomst', 'value': gemeente_text, 'reason': 'unknown gemeente'}
            WHEN startdatum IS NULL THEN {'column': 'startdatum', 'value': start_text, 'reason': 'not a date (expected dd-mm-jjjj or jjjj-mm-dd)'}
            WHEN startdatum NOT BETWEEN DATE '2000-01-01' AND DATE '2040-12-31' THEN {'column': 'startdatum', 'value': start_text, 'reason': 'date outside the supported range 2000-2040'}
            WHEN eind_text IS NOT NULL AND einddatum IS NULL THEN {'column': 'einddatum', 'value': eind_text, 'reason': 'not a date (expected dd-mm-jjjj or jjjj-mm-dd)'}
            WHEN einddatum NOT BETWEEN DATE '2000-01-01' AND DATE '2040-12-31' THEN {'column': 'einddatum', 'value': eind_text, 'reason': 'date outside the supported range 2000-2040'}
            WHEN einddatum < startdatum THEN {'column': 'einddatum', 'value': eind_text, 'reason': 'einddatum is before startdatum ' || start_text}
            WHEN year(startdatum) < geboortejaar THEN {'column': 'geboortejaar', 'value': geboortejaar_text, 'reason': 'geboortejaar is after the startdatum'}
            WHEN co_pas_text IS NOT NULL AND co_pas IS NULL THEN {'column': 'co_pas', 'value': co_pas_text, 'reason': 'not ja or nee'}
       END AS rejected
FROM typed;

INSERT INTO fct_verblijf
SELECT file, row_number, verblijf_id, client_key, CAST(geboortejaar AS INTEGER), leeftijd,
       CASE WHEN leeftijd < 18 THEN 'kind' WHEN leeftijd < 23 THEN 'jongere' ELSE 'volwassene' END,
       huishouden, geslacht, voorziening, voorzieningstype, aanbieder, municipality_key, startdatum, einddatum,
       uitstroom_bestemming, co_pas
FROM stg_verblijf WHERE rejected IS NULL;

INSERT INTO reject SELECT file, row_number, rejected.column, rejected.value, rejected.reason FROM stg_verblijf WHERE rejected IS NOT NULL;

DROP TABLE stg_verblijf;
