-- Veilig Thuis meldingen: one read of every file (a glob), converted and checked in one pass, then
-- split into facts and rejects. Row numbers count the header as row 1, as a spreadsheet shows them.
-- The keyed hash sha256(key || client_id) is what an analyst reaches for; it is weaker than the
-- HMAC-SHA256 of the product (a plain hash of key and message is open to length extension). Its first
-- 128 bits are stored as UHUGEINT (macro keyed_pseudonym), the fixed-width type the warehouse uses.
CREATE OR REPLACE TEMP TABLE stg_melding AS
WITH source AS (
    SELECT *, row_number() OVER () AS n
    FROM read_csv(getvariable('meldingen'), delim = ';', header = true, all_varchar = true, filename = true)
), typed AS (
    SELECT filename AS file, n - min(n) OVER (PARTITION BY filename) + 2 AS row_number,
           nl_text(melding_id) AS melding_id,
           row_number() OVER (PARTITION BY filename, nl_text(melding_id) ORDER BY n) > 1 AS repeated,
           nl_text(client_id) AS client_id,
           nl_text(meldingsdatum) AS meldingsdatum_text, nl_date(nl_text(meldingsdatum)) AS meldingsdatum,
           nl_text(gemeente) AS gemeente_text, g.municipality_key,
           lower(nl_text(vorm_geweld)) AS vorm_geweld,
           nl_text(duur_geweld_maanden) AS duur_text, nl_number(nl_text(duur_geweld_maanden)) AS duur,
           nl_text(in_onderzoek) AS onderzoek_text, nl_bool(nl_text(in_onderzoek)) AS in_onderzoek,
           nl_text(veilig_na_12_maanden) AS veilig_text, nl_bool(nl_text(veilig_na_12_maanden)) AS veilig_na_12_maanden,
           nl_text(huisverbod) AS huisverbod_text, nl_bool(nl_text(huisverbod)) AS huisverbod,
           nl_text(aantal_kinderen_huisverbod) AS kinderen_text, nl_number(nl_text(aantal_kinderen_huisverbod)) AS kinderen,
           nl_text(intensief_casemanagement) AS intensief_text, nl_bool(nl_text(intensief_casemanagement)) AS intensief_casemanagement
    FROM source LEFT JOIN gemeente_spelling g ON g.spelling = nl_gemeente(nl_text(source.gemeente))
)
SELECT *, keyed_pseudonym(client_id) AS client_key,
       CASE WHEN melding_id IS NULL THEN {'column': 'melding_id', 'value': NULL, 'reason': 'required value is empty'}
            WHEN repeated THEN {'column': 'melding_id', 'value': melding_id, 'reason': 'melding_id repeats an earlier row of this file'}
            WHEN client_id IS NULL THEN {'column': 'client_id', 'value': NULL, 'reason': 'required value is empty'}
            WHEN meldingsdatum_text IS NULL THEN {'column': 'meldingsdatum', 'value': NULL, 'reason': 'required value is empty'}
            WHEN meldingsdatum IS NULL THEN {'column': 'meldingsdatum', 'value': meldingsdatum_text, 'reason': 'not a date (expected dd-mm-jjjj or jjjj-mm-dd)'}
            WHEN meldingsdatum NOT BETWEEN DATE '2000-01-01' AND DATE '2040-12-31' THEN {'column': 'meldingsdatum', 'value': meldingsdatum_text, 'reason': 'date outside the supported range 2000-2040'}
            WHEN gemeente_text IS NULL THEN {'column': 'gemeente', 'value': NULL, 'reason': 'required value is empty'}
            WHEN municipality_key IS NULL THEN {'column': 'gemeente', 'value': gemeente_text, 'reason': 'unknown gemeente'}
            WHEN duur_text IS NOT NULL AND duur IS NULL THEN {'column': 'duur_geweld_maanden', 'value': duur_text, 'reason': 'not a number'}
            WHEN duur < 0 THEN {'column': 'duur_geweld_maanden', 'value': duur_text, 'reason': 'duration cannot be negative'}
            WHEN onderzoek_text IS NULL OR in_onderzoek IS NULL THEN {'column': 'in_onderzoek', 'value': onderzoek_text, 'reason': 'not ja or nee'}
            WHEN veilig_text IS NOT NULL AND veilig_na_12_maanden IS NULL THEN {'column': 'veilig_na_12_maanden', 'value': veilig_text, 'reason': 'not ja or nee'}
            WHEN huisverbod_text IS NULL OR huisverbod IS NULL THEN {'column': 'huisverbod', 'value': huisverbod_text, 'reason': 'not ja or nee'}
            WHEN kinderen_text IS NOT NULL AND (kinderen IS NULL OR kinderen <> trunc(kinderen)) THEN {'column': 'aantal_kinderen_huisverbod', 'value': kinderen_text, 'reason': 'not a whole number'}
            WHEN kinderen < 0 THEN {'column': 'aantal_kinderen_huisverbod', 'value': kinderen_text, 'reason': 'number of children cannot be negative'}
            WHEN intensief_text IS NULL OR intensief_casemanagement IS NULL THEN {'column': 'intensief_casemanagement', 'value': intensief_text, 'reason': 'not ja or nee'}
       END AS rejected
FROM typed;

INSERT INTO fct_melding
SELECT file, row_number, melding_id, client_key, meldingsdatum, municipality_key, vorm_geweld, duur, in_onderzoek,
       veilig_na_12_maanden, huisverbod, CAST(kinderen AS INTEGER), intensief_casemanagement
FROM stg_melding WHERE rejected IS NULL;

INSERT INTO reject SELECT file, row_number, rejected.column, rejected.value, rejected.reason FROM stg_melding WHERE rejected IS NOT NULL;

DROP TABLE stg_melding;
