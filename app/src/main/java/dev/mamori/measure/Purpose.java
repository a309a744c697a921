package dev.mamori.measure;

/** The five purposes (目的) of the handbook's measures, ① to ⑤. */
public enum Purpose {
    ACCESS_CONTROL(1), HARDER_TO_TAKE_OUT(2), VISIBILITY(3), AWARENESS(4), TRUST(5);

    private final int number;

    Purpose(int number) {
        this.number = number;
    }

    /** 1 to 5, as circled in the handbook. */
    public int number() {
        return number;
    }

    public String messageKey() {
        return "measure.purpose." + name();
    }

    public static Purpose of(int number) {
        for (Purpose p : values()) {
            if (p.number == number) {
                return p;
            }
        }
        throw new IllegalArgumentException("purpose " + number);
    }
}
