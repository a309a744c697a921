package dev.mamori.inventory;

/**
 * Where an entry stands, as the handbook asks (図表2(2)): its relative tier among all evaluated entries
 * (I = top fifth, II = next three tenths, III = the rest) and its absolute loss band from the yen estimate.
 */
public record Standing(String tier, String lossBand, long lossMinYen, long lossMaxYen, int total) {

    public String tierMessageKey() {
        return "inventory.tier." + tier;
    }

    public String lossBandMessageKey() {
        return "inventory.lossBand." + lossBand;
    }
}
