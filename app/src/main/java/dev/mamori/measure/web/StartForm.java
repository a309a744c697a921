package dev.mamori.measure.web;

import java.util.List;

import dev.mamori.measure.StartAnswers;

/** The guided start's questionnaire and, when accepting, the codes of the accepted measures. */
record StartForm(StartAnswers.Size size, Boolean telework, Boolean personalDevices, Boolean cloudServices,
                 Boolean supplyChainSharing, Boolean hiresFromCompetitors, Boolean factoryVisits, List<String> codes) {

    StartAnswers answers() {
        return new StartAnswers(size, yes(telework), yes(personalDevices), yes(cloudServices), yes(supplyChainSharing),
                yes(hiresFromCompetitors), yes(factoryVisits));
    }

    private static boolean yes(Boolean b) {
        return Boolean.TRUE.equals(b);
    }
}
