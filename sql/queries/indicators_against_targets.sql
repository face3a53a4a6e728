-- Every indicator of one municipality over the years, with its target: the council table in one query.
select indicator_code, indicator_name, year, value, unit, target_text, target_met
from mart.indicator_yearly
where municipality_code = 'GM0599'
order by indicator_code, year;

-- The same indicator for all municipalities of a Veilig Thuis region and the region itself.
select coalesce(municipality_name, region_code) as area, year, value, numerator, denominator
from mart.indicator_yearly
where indicator_code = 'hg_duur_kort' and year = 2019
order by region_code nulls first, municipality_name;
