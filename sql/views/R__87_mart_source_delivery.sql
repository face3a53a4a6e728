-- The deliveries the published figures come from, so a report can name its sources: file names,
-- counts and load runs only, nothing from inside the files.
CREATE OR REPLACE VIEW mart.source_delivery AS
SELECT f.source, f.file_path, f.run_id, r.finished_at AS loaded_at, f.rows_read, f.rows_loaded, f.rows_rejected
FROM audit.load_file f
JOIN audit.load_run r USING (run_id)
WHERE f.status = 'LOADED';

COMMENT ON VIEW mart.source_delivery IS 'Source files whose rows are in the warehouse (superseded and failed deliveries left out), with the load run that loaded them.';
COMMENT ON COLUMN mart.source_delivery.source IS 'Source folder (veiligthuis, opvang/verblijven, financien, streefwaarden, …).';
COMMENT ON COLUMN mart.source_delivery.file_path IS 'File path relative to the input folder.';
COMMENT ON COLUMN mart.source_delivery.run_id IS 'Load run that loaded the file (see history).';
COMMENT ON COLUMN mart.source_delivery.loaded_at IS 'When that load run finished.';
COMMENT ON COLUMN mart.source_delivery.rows_read IS 'Rows read from the file.';
COMMENT ON COLUMN mart.source_delivery.rows_loaded IS 'Rows loaded.';
COMMENT ON COLUMN mart.source_delivery.rows_rejected IS 'Rows rejected (audit.rejected_row in the data team''s warehouse).';
