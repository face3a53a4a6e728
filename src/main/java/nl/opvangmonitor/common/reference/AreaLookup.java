package nl.opvangmonitor.common.reference;

import static nl.opvangmonitor.db.core.Tables.DIM_MUNICIPALITY;
import static nl.opvangmonitor.db.core.Tables.DIM_REGION;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * Resolves how an export names an area to its code: a municipality written any way
 * {@link MunicipalitySpelling} knows (GM0599, 599, "Rotterdam") to GM0599, a region by its code or
 * name to its code. Read once from the warehouse, on first use (after the migrations ran).
 */
@Component
public class AreaLookup {

    private final DSLContext dsl;
    private volatile Loaded loaded;

    private record Loaded(Map<String, Integer> municipalityKeys, Map<Integer, String> municipalityCodes, Map<String, String> regionCodes) {
    }

    public AreaLookup(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** A municipality code (GM0599) or region code for a municipality or region written any way. */
    public Optional<String> areaCode(String text) {
        Loaded areas = loaded();
        Integer key = areas.municipalityKeys().get(MunicipalitySpelling.normalise(text));
        if (key != null) {
            return Optional.of(areas.municipalityCodes().get(key));
        }
        return Optional.ofNullable(areas.regionCodes().get(MunicipalitySpelling.normalise(text)));
    }

    private Loaded loaded() {
        Loaded areas = loaded;
        if (areas == null) {
            synchronized (this) {
                if (loaded == null) {
                    Map<Integer, String> codes = new HashMap<>();
                    dsl.select(DIM_MUNICIPALITY.MUNICIPALITY_KEY, DIM_MUNICIPALITY.MUNICIPALITY_CODE).from(DIM_MUNICIPALITY)
                            .forEach(r -> codes.put(r.value1(), r.value2()));
                    Map<String, String> regions = new HashMap<>();
                    dsl.select(DIM_REGION.REGION_CODE, DIM_REGION.REGION_NAME).from(DIM_REGION)
                            .forEach(r -> {
                                regions.put(MunicipalitySpelling.normalise(r.value1()), r.value1());
                                regions.put(MunicipalitySpelling.normalise(r.value2()), r.value1());
                            });
                    loaded = new Loaded(MunicipalitySpelling.load(dsl), Map.copyOf(codes), Map.copyOf(regions));
                }
                areas = loaded;
            }
        }
        return areas;
    }
}
