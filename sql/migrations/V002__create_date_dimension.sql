-- Calendar dimension: one row per day 2000-01-01 .. 2040-12-31, keyed yyyymmdd.
CREATE TABLE core.dim_date (
    date_key     INTEGER PRIMARY KEY,
    full_date    DATE    NOT NULL UNIQUE,
    year         INTEGER NOT NULL,
    quarter      INTEGER NOT NULL,
    month        INTEGER NOT NULL,
    month_name   VARCHAR NOT NULL,
    iso_week     INTEGER NOT NULL,
    day_of_week  INTEGER NOT NULL,
    is_weekend   BOOLEAN NOT NULL
);

INSERT INTO core.dim_date
SELECT CAST(strftime(d, '%Y%m%d') AS INTEGER),
       CAST(d AS DATE),
       year(d), quarter(d), month(d),
       ['januari','februari','maart','april','mei','juni','juli','augustus','september','oktober','november','december'][month(d)],
       weekofyear(d),
       isodow(d),
       isodow(d) >= 6
FROM range(DATE '2000-01-01', DATE '2041-01-01', INTERVAL 1 DAY) AS t(d);

COMMENT ON TABLE core.dim_date IS 'Calendar dimension, one row per day 2000-2040; date_key is yyyymmdd.';
