-- cot_quotes becomes a table partitioned by import run: each imported COT file loads into a fresh table
-- (COPY ... FREEZE, no index maintenance while copying, indexes built once by a sort), which is then attached;
-- a re-import of the same file and month drops the previous run's partition instead of deleting a million rows.
ALTER TABLE cot_quotes RENAME TO cot_quotes_v1;
DROP INDEX idx_cot_quotes_run, idx_cot_quotes_product_date, idx_cot_quotes_codigo, idx_cot_quotes_rut_proveedor;

CREATE TABLE cot_quotes (LIKE cot_quotes_v1 INCLUDING DEFAULTS INCLUDING CONSTRAINTS)
    PARTITION BY LIST (import_run_id);
CREATE INDEX idx_cot_quotes_product_date ON cot_quotes (codigo_producto, fecha_cierre DESC) WHERE unit_price IS NOT NULL;
CREATE INDEX idx_cot_quotes_codigo ON cot_quotes (codigo_cotizacion);
CREATE INDEX idx_cot_quotes_rut_proveedor ON cot_quotes (rut_proveedor, fecha_cierre);

DO $$
DECLARE
    run BIGINT;
BEGIN
    FOR run IN SELECT DISTINCT import_run_id FROM cot_quotes_v1 LOOP
        EXECUTE format('CREATE TABLE cot_quotes_run_%s PARTITION OF cot_quotes FOR VALUES IN (%s)', run, run);
        EXECUTE format('INSERT INTO cot_quotes SELECT * FROM cot_quotes_v1 WHERE import_run_id = %s', run);
    END LOOP;
END $$;
DROP TABLE cot_quotes_v1;
