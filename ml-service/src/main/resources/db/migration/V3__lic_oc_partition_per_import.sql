-- lic_offers and purchase_orders are partitioned by import run as cot_quotes is (V2): each imported lic-da or
-- oc-da file loads into a fresh table (COPY ... FREEZE, indexes built once by a sort) that is then attached, and a
-- re-import of the same file and month drops the previous run's partition instead of deleting its rows.
ALTER TABLE lic_offers RENAME TO lic_offers_v1;
DROP INDEX idx_lic_offers_run, idx_lic_offers_product_date, idx_lic_offers_codigo, idx_lic_offers_rut_proveedor;
CREATE TABLE lic_offers (LIKE lic_offers_v1 INCLUDING DEFAULTS INCLUDING CONSTRAINTS)
    PARTITION BY LIST (import_run_id);
CREATE INDEX idx_lic_offers_product_date ON lic_offers (codigo_producto, fecha_cierre DESC);
CREATE INDEX idx_lic_offers_codigo ON lic_offers (codigo_externo);
CREATE INDEX idx_lic_offers_rut_proveedor ON lic_offers (rut_proveedor);

ALTER TABLE purchase_orders RENAME TO purchase_orders_v1;
DROP INDEX idx_purchase_orders_run, idx_purchase_orders_product_date, idx_purchase_orders_rut_proveedor;
CREATE TABLE purchase_orders (LIKE purchase_orders_v1 INCLUDING DEFAULTS INCLUDING CONSTRAINTS)
    PARTITION BY LIST (import_run_id);
CREATE INDEX idx_purchase_orders_product_date ON purchase_orders (codigo_producto, fecha_envio DESC);
CREATE INDEX idx_purchase_orders_rut_proveedor ON purchase_orders (rut_proveedor);

DO $$
DECLARE
    source TEXT;
    target TEXT;
    run BIGINT;
BEGIN
    FOREACH target IN ARRAY ARRAY['lic_offers', 'purchase_orders'] LOOP
        source := target || '_v1';
        FOR run IN EXECUTE format('SELECT DISTINCT import_run_id FROM %I', source) LOOP
            EXECUTE format('CREATE TABLE %I PARTITION OF %I FOR VALUES IN (%s)', target || '_run_' || run, target, run);
            EXECUTE format('INSERT INTO %I SELECT * FROM %I WHERE import_run_id = %s', target, source, run);
        END LOOP;
        EXECUTE format('DROP TABLE %I', source);
    END LOOP;
END $$;
