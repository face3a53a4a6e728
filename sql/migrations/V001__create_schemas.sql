-- Layers of the warehouse:
--   core  : conformed dimensions and fact tables (microdata, pseudonymised)
--   audit : load runs, delivered files and rejected rows
--   mart  : documented views for analysts and BI tools (the stable contract)
CREATE SCHEMA IF NOT EXISTS core;
CREATE SCHEMA IF NOT EXISTS audit;
CREATE SCHEMA IF NOT EXISTS mart;
