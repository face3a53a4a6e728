-- The target that counts per indicator, area and year: when several documents set one, the most
-- recently published (a Jaarstukken update overrides the older Begroting).
CREATE OR REPLACE VIEW core.v_current_target AS
SELECT *
FROM core.fct_target
QUALIFY row_number() OVER (PARTITION BY indicator_code, area_code, year
                           ORDER BY publication_date DESC NULLS LAST, file_id DESC, row_number DESC) = 1;
