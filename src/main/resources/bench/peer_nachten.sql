-- Opvang nachten, the largest export (three columns): as peer_meldingen.sql.
CREATE OR REPLACE TEMP TABLE stg_nacht AS
WITH source AS (
    SELECT *, row_number() OVER () AS n
    FROM read_csv(getvariable('nachten'), delim = ',', header = true, all_varchar = true, filename = true)
), typed AS (
    SELECT filename AS file, n - min(n) OVER (PARTITION BY filename) + 2 AS row_number,
           nl_text(client_id) AS client_id,
           nl_text(datum) AS datum_text, nl_date(nl_text(datum)) AS datum,
           nl_text(voorziening) AS voorziening
    FROM source
)
SELECT *, keyed_pseudonym(client_id) AS client_key,
       CASE WHEN client_id IS NULL THEN {'column': 'client_id', 'value': NULL, 'reason': 'required value is empty'}
            WHEN datum_text IS NULL THEN {'column': 'datum', 'value': NULL, 'reason': 'required value is empty'}
            WHEN datum IS NULL THEN {'column': 'datum', 'value': datum_text, 'reason': 'not a date (expected dd-mm-jjjj or jjjj-mm-dd)'}
            WHEN datum NOT BETWEEN DATE '2000-01-01' AND DATE '2040-12-31' THEN {'column': 'datum', 'value': datum_text, 'reason': 'date outside the supported range 2000-2040'}
            WHEN voorziening IS NULL THEN {'column': 'voorziening', 'value': NULL, 'reason': 'required value is empty'}
       END AS rejected
FROM typed;

INSERT INTO fct_nacht SELECT file, row_number, client_key, datum, voorziening FROM stg_nacht WHERE rejected IS NULL;

INSERT INTO reject SELECT file, row_number, rejected.column, rejected.value, rejected.reason FROM stg_nacht WHERE rejected IS NOT NULL;

DROP TABLE stg_nacht;
