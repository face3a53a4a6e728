-- Pseudonyms become fixed-width: the first 128 bits of the keyed hash (HMAC-SHA256) as UHUGEINT,
-- which DuckDB stores inline (16 bytes) instead of a 64-character hex string. A stored pseudonym is
-- the same HMAC written in hex, so its first 32 hex characters are those 128 bits: the conversion needs
-- no client identifier and no key, and every client keeps the same pseudonym (stays, nights and
-- meldingen of one client still join). 128 bits keep the chance of any two clients colliding below
-- 10^-20 at a hundred million identifiers.
ALTER TABLE core.fct_melding ALTER client_key SET DATA TYPE UHUGEINT USING CAST('0x' || left(client_key, 32) AS UHUGEINT);
ALTER TABLE core.fct_verblijf ALTER client_key SET DATA TYPE UHUGEINT USING CAST('0x' || left(client_key, 32) AS UHUGEINT);
ALTER TABLE core.fct_nacht ALTER client_key SET DATA TYPE UHUGEINT USING CAST('0x' || left(client_key, 32) AS UHUGEINT);

COMMENT ON COLUMN core.fct_melding.client_key IS 'Keyed pseudonym of the client: the first 128 bits of HMAC-SHA256 of the identifier.';
COMMENT ON COLUMN core.fct_verblijf.client_key IS 'Keyed pseudonym of the client: the first 128 bits of HMAC-SHA256 of the identifier.';
COMMENT ON COLUMN core.fct_nacht.client_key IS 'Keyed pseudonym of the client: the first 128 bits of HMAC-SHA256 of the identifier.';
