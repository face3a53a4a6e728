-- Veilig Thuis meldingen, one row per melding as delivered. client_key is the keyed
-- pseudonym (HMAC-SHA256) of the client identifier; the identifier itself is never stored.
CREATE TABLE core.fct_melding (
    file_id                       BIGINT  NOT NULL,
    row_number                    INTEGER NOT NULL,
    melding_id                    VARCHAR NOT NULL,
    client_key                    VARCHAR NOT NULL,
    melding_date                  DATE    NOT NULL,
    date_key                      INTEGER NOT NULL,
    municipality_key              INTEGER NOT NULL,
    vorm_geweld                   VARCHAR,
    duur_geweld_maanden           DECIMAL(7, 2),
    is_in_onderzoek               BOOLEAN NOT NULL,
    is_veilig_na_12_maanden       BOOLEAN,
    has_huisverbod                BOOLEAN NOT NULL,
    aantal_kinderen_huisverbod    INTEGER,
    has_intensief_casemanagement  BOOLEAN NOT NULL
);
COMMENT ON TABLE core.fct_melding IS 'Veilig Thuis meldingen (grain: one melding). client_key is a keyed pseudonym.';
