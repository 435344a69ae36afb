package org.coordscope.detect.signal;

import it.unimi.dsi.fastutil.Arrays;
import it.unimi.dsi.fastutil.ints.IntArrays;
import it.unimi.dsi.fastutil.longs.LongArrays;

/**
 * The actions of one signal: (account, object, time) triples in parallel primitive arrays, 16 bytes
 * per action. Accounts and objects are dense non-negative ids assigned by the caller (accounts shared
 * by all signals of one run, objects per signal); times are epoch seconds.
 *
 * <p>The caller appends; {@link CoActionGraphBuilder} sorts in place by (object, time, account) with
 * {@link #sortByObjectTime()}. Not thread-safe.
 */
public final class Actions {

    private int[] accounts;
    private int[] objects;
    private long[] times;
    private int size;
    private boolean sorted = true;
    private int maxAccount = -1;
    private int maxObject = -1;
    private int activeAccounts = -1;

    public Actions() {
        this(1024);
    }

    public Actions(int initialCapacity) {
        if (initialCapacity < 0) {
            throw new IllegalArgumentException("initialCapacity must be >= 0");
        }
        accounts = new int[initialCapacity];
        objects = new int[initialCapacity];
        times = new long[initialCapacity];
    }

    /** Appends one action; returns {@code this}. */
    public Actions add(int account, int object, long epochSeconds) {
        if (account < 0 || object < 0) {
            throw new IllegalArgumentException("ids must be >= 0: account " + account + ", object " + object);
        }
        if (size == accounts.length) {
            int cap = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(16, (long) size + (size >> 1)));
            if (cap <= size) {
                throw new IllegalStateException("too many actions");
            }
            accounts = IntArrays.forceCapacity(accounts, cap, size);
            objects = IntArrays.forceCapacity(objects, cap, size);
            times = LongArrays.forceCapacity(times, cap, size);
        }
        if (sorted && size > 0 && compare(size - 1, account, object, epochSeconds) > 0) {
            sorted = false;
        }
        accounts[size] = account;
        objects[size] = object;
        times[size] = epochSeconds;
        size++;
        if (account > maxAccount) {
            maxAccount = account;
        }
        if (object > maxObject) {
            maxObject = object;
        }
        return this;
    }

    public int size() {
        return size;
    }

    public int account(int i) {
        check(i);
        return accounts[i];
    }

    public int object(int i) {
        check(i);
        return objects[i];
    }

    public long time(int i) {
        check(i);
        return times[i];
    }

    /** Largest account id added, or -1 when empty. */
    public int maxAccount() {
        return maxAccount;
    }

    /** Largest object id added, or -1 when empty. */
    public int maxObject() {
        return maxObject;
    }

    /**
     * Declares N, the number of accounts active in this signal, when it is larger than the accounts
     * appearing here: e.g. {@link NearDuplicateClusters#toActions()} keeps only clustered texts, yet
     * every account that posted text counts towards N for the IDF. -1 (the default) means "count the
     * distinct accounts present".
     */
    public Actions activeAccounts(int n) {
        if (n < -1) {
            throw new IllegalArgumentException("activeAccounts must be >= -1");
        }
        this.activeAccounts = n;
        return this;
    }

    /** The declared N, or -1. */
    public int activeAccounts() {
        return activeAccounts;
    }

    public boolean isSorted() {
        return sorted;
    }

    /**
     * Sorts by (object, time, account). A counting sort on the dense object ids (O(n + objects)),
     * then a comparison sort inside each object's run only when that run is out of order, which it is
     * not when the caller appends in time order. Peak extra memory: one copy of the arrays.
     */
    public void sortByObjectTime() {
        if (sorted) {
            return;
        }
        int[] start = new int[maxObject + 2];
        for (int i = 0; i < size; i++) {
            start[objects[i] + 1]++;
        }
        for (int o = 0; o <= maxObject; o++) {
            start[o + 1] += start[o];
        }
        int[] next = java.util.Arrays.copyOf(start, maxObject + 1);
        int[] a2 = new int[size];
        int[] o2 = new int[size];
        long[] t2 = new long[size];
        for (int i = 0; i < size; i++) {
            int p = next[objects[i]]++;
            a2[p] = accounts[i];
            o2[p] = objects[i];
            t2[p] = times[i];
        }
        accounts = a2;
        objects = o2;
        times = t2;
        for (int o = 0; o <= maxObject; o++) {
            int from = start[o];
            int to = start[o + 1];
            if (!runSorted(from, to)) {
                Arrays.quickSort(from, to, this::compareIdx, this::swap);
            }
        }
        sorted = true;
    }

    /** Frees unused capacity. */
    public void trim() {
        accounts = IntArrays.trim(accounts, size);
        objects = IntArrays.trim(objects, size);
        times = LongArrays.trim(times, size);
    }

    // package-private raw access for the builder's hot loops (arrays are only read there)
    int[] accountArray() {
        return accounts;
    }

    int[] objectArray() {
        return objects;
    }

    long[] timeArray() {
        return times;
    }

    private boolean runSorted(int from, int to) {
        for (int i = from + 1; i < to; i++) {
            if (compareIdx(i - 1, i) > 0) {
                return false;
            }
        }
        return true;
    }

    private int compare(int i, int account, int object, long time) {
        int c = Integer.compare(objects[i], object);
        if (c != 0) {
            return c;
        }
        c = Long.compare(times[i], time);
        return c != 0 ? c : Integer.compare(accounts[i], account);
    }

    private int compareIdx(int i, int j) {
        return compare(i, accounts[j], objects[j], times[j]);
    }

    private void swap(int i, int j) {
        IntArrays.swap(accounts, i, j);
        IntArrays.swap(objects, i, j);
        LongArrays.swap(times, i, j);
    }

    private void check(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException(i);
        }
    }
}
