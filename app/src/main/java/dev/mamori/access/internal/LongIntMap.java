package dev.mamori.access.internal;

import java.util.Arrays;

/**
 * An open-addressing map from long to int on two primitive arrays (linear probing, backward-shift
 * deletion): no boxing, about 12 bytes per slot. {@link Long#MIN_VALUE} is reserved as the empty key.
 * Not thread-safe; {@link AccessIndex} guards it.
 */
final class LongIntMap {

    private static final long EMPTY = Long.MIN_VALUE;

    private long[] keys;
    private int[] values;
    private int mask;
    private int size;

    LongIntMap(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, (int) Math.min(1 << 30, expected * 4L / 3 + 1)) - 1) << 1;
        keys = new long[capacity];
        values = new int[capacity];
        Arrays.fill(keys, EMPTY);
        mask = capacity - 1;
    }

    int size() {
        return size;
    }

    private static int mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ (h >>> 32));
    }

    /** The value, or {@code missing}. */
    int get(long key, int missing) {
        long[] k = keys;
        int m = mask;
        for (int i = mix(key) & m; ; i = (i + 1) & m) {
            long c = k[i];
            if (c == key) {
                return values[i];
            }
            if (c == EMPTY) {
                return missing;
            }
        }
    }

    void put(long key, int value) {
        if ((size + 1) * 4L > keys.length * 3L) {
            grow();
        }
        for (int i = mix(key) & mask; ; i = (i + 1) & mask) {
            long c = keys[i];
            if (c == key) {
                values[i] = value;
                return;
            }
            if (c == EMPTY) {
                keys[i] = key;
                values[i] = value;
                size++;
                return;
            }
        }
    }

    void remove(long key) {
        int i = mix(key) & mask;
        while (true) {
            long c = keys[i];
            if (c == EMPTY) {
                return;
            }
            if (c == key) {
                break;
            }
            i = (i + 1) & mask;
        }
        size--;
        // backward-shift the following run so that lookups never stop early
        int hole = i;
        for (int j = (i + 1) & mask; keys[j] != EMPTY; j = (j + 1) & mask) {
            int home = mix(keys[j]) & mask;
            boolean movable = hole <= j ? (home <= hole || home > j) : (home <= hole && home > j);
            if (movable) {
                keys[hole] = keys[j];
                values[hole] = values[j];
                hole = j;
            }
        }
        keys[hole] = EMPTY;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        Arrays.fill(keys, EMPTY);
        mask = keys.length - 1;
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }
}
