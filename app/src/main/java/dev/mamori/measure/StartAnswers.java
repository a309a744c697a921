package dev.mamori.measure;

/**
 * The guided start's questions about the company: its size, and whether staff work remotely, use their own
 * devices, use cloud services, share secrets along the supply chain, hire from competitors, and whether
 * outsiders visit its premises (factory tours, contractors on site).
 */
public record StartAnswers(Size size, boolean telework, boolean personalDevices, boolean cloudServices,
                           boolean supplyChainSharing, boolean hiresFromCompetitors, boolean factoryVisits) {

    public enum Size {
        /** up to about 50 people */ SMALL,
        /** up to about 300 people */ MEDIUM,
        /** more */ LARGE;

        public String messageKey() {
            return "measure.start.size." + name();
        }
    }

    public StartAnswers {
        size = size == null ? Size.SMALL : size;
    }
}
