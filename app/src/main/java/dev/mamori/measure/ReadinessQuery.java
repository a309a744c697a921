package dev.mamori.measure;

/**
 * Filters and order of the readiness of every secret: a classification level code and a department (with its
 * sub-departments), null meaning any; the order defaults to the weakest first.
 */
public record ReadinessQuery(String levelCode, Long departmentId, Order order) {

    public ReadinessQuery {
        levelCode = levelCode == null || levelCode.isBlank() ? null : levelCode.strip();
        order = order == null ? Order.WEAKEST_FIRST : order;
    }

    public static ReadinessQuery all() {
        return new ReadinessQuery(null, null, null);
    }

    public enum Order {
        /** Lowest overall score first (then by name). */ WEAKEST_FIRST,
        /** Highest overall score first (then by name). */ STRONGEST_FIRST,
        /** By name. */ NAME;

        public String messageKey() {
            return "measure.readiness.order." + name();
        }
    }
}
