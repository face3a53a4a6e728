-- When the delivered file was last modified, as the file system says (UTC, microseconds). With
-- size_bytes it lets the next night recognise an unchanged file without reading it: a file whose
-- path, size and modification time match a delivery that is loaded is not hashed again.
ALTER TABLE audit.load_file ADD COLUMN modified_at TIMESTAMP;

COMMENT ON COLUMN audit.load_file.modified_at IS 'Last modification time of the delivered file (UTC); with size_bytes it identifies an unchanged file without hashing it.';
