package cl.compraagil.auth.password;

import org.bouncycastle.crypto.digests.Blake2bDigest;

/**
 * Argon2id, version 0x13, exactly as RFC 9106 specifies it, over working memory the caller owns. BouncyCastle's
 * generator allocates its 19 MiB as 19 456 small objects on every hash; under concurrent logins those outlive young
 * collections, get promoted and cost a full collection every few logins. A reused flat {@code long[]} costs nothing
 * to the collector. Checked against the RFC's test vector and against BouncyCastle in the tests.
 */
final class Argon2id {

    private static final int BLOCK_LONGS = 128;
    private static final int BLOCK_BYTES = BLOCK_LONGS * 8;
    private static final int SYNC_POINTS = 4;
    private static final int VERSION = 0x13;
    private static final int TYPE_ID = 2;

    private Argon2id() {
    }

    /** Length of the working memory, in longs, for these parameters. */
    static int memoryLongs(int memoryKib, int parallelism) {
        int blocks = Math.max(memoryKib, 2 * SYNC_POINTS * parallelism);
        return blocks / (SYNC_POINTS * parallelism) * SYNC_POINTS * parallelism * BLOCK_LONGS;
    }

    /**
     * @param memory at least {@link #memoryLongs} long; overwritten, and zeroed before returning
     * @return the tag of {@code tagLength} bytes
     */
    static byte[] hash(byte[] password, byte[] salt, byte[] secret, byte[] associated, int memoryKib,
            int iterations, int parallelism, int tagLength, long[] memory) {
        if (iterations < 1 || parallelism < 1 || tagLength < 4 || memory.length < memoryLongs(memoryKib, parallelism)) {
            throw new IllegalArgumentException("invalid Argon2 parameters");
        }
        int laneLength = memoryLongs(memoryKib, parallelism) / BLOCK_LONGS / parallelism;
        try {
            byte[] h0 = initialHash(password, salt, secret, associated, memoryKib, iterations, parallelism, tagLength);
            firstBlocks(memory, h0, laneLength, parallelism);
            Filler filler = new Filler(memory, laneLength, parallelism, iterations);
            for (int pass = 0; pass < iterations; pass++) {
                for (int slice = 0; slice < SYNC_POINTS; slice++) {
                    for (int lane = 0; lane < parallelism; lane++) {
                        filler.fillSegment(pass, slice, lane);
                    }
                }
            }
            return finalTag(memory, laneLength, parallelism, tagLength);
        } finally {
            java.util.Arrays.fill(memory, 0L);
        }
    }

    private static byte[] initialHash(byte[] password, byte[] salt, byte[] secret, byte[] associated, int memoryKib,
            int iterations, int parallelism, int tagLength) {
        Blake2bDigest digest = new Blake2bDigest(512);
        for (int value : new int[] {parallelism, tagLength, memoryKib, iterations, VERSION, TYPE_ID}) {
            updateInt(digest, value);
        }
        for (byte[] field : new byte[][] {password, salt, secret, associated}) {
            byte[] bytes = field == null ? new byte[0] : field;
            updateInt(digest, bytes.length);
            digest.update(bytes, 0, bytes.length);
        }
        byte[] h0 = new byte[64];
        digest.doFinal(h0, 0);
        return h0;
    }

    private static void firstBlocks(long[] memory, byte[] h0, int laneLength, int parallelism) {
        byte[] input = new byte[h0.length + 8];
        System.arraycopy(h0, 0, input, 0, h0.length);
        byte[] block = new byte[BLOCK_BYTES];
        for (int lane = 0; lane < parallelism; lane++) {
            for (int column = 0; column < 2; column++) {
                putInt(input, h0.length, column);
                putInt(input, h0.length + 4, lane);
                variableHash(block, input);
                int offset = (lane * laneLength + column) * BLOCK_LONGS;
                for (int i = 0; i < BLOCK_LONGS; i++) {
                    memory[offset + i] = getLong(block, i * 8);
                }
            }
        }
    }

    private static byte[] finalTag(long[] memory, int laneLength, int parallelism, int tagLength) {
        long[] last = new long[BLOCK_LONGS];
        for (int lane = 0; lane < parallelism; lane++) {
            int offset = (lane * laneLength + laneLength - 1) * BLOCK_LONGS;
            for (int i = 0; i < BLOCK_LONGS; i++) {
                last[i] ^= memory[offset + i];
            }
        }
        byte[] bytes = new byte[BLOCK_BYTES];
        for (int i = 0; i < BLOCK_LONGS; i++) {
            putLong(bytes, i * 8, last[i]);
        }
        byte[] tag = new byte[tagLength];
        variableHash(tag, bytes);
        return tag;
    }

    /** H' of RFC 9106 section 3.3: BLAKE2b stretched to {@code out.length} bytes. */
    static void variableHash(byte[] out, byte[] in) {
        byte[] length = new byte[4];
        putInt(length, 0, out.length);
        if (out.length <= 64) {
            Blake2bDigest digest = new Blake2bDigest(out.length * 8);
            digest.update(length, 0, 4);
            digest.update(in, 0, in.length);
            digest.doFinal(out, 0);
            return;
        }
        Blake2bDigest digest = new Blake2bDigest(512);
        byte[] v = new byte[64];
        digest.update(length, 0, 4);
        digest.update(in, 0, in.length);
        digest.doFinal(v, 0);
        System.arraycopy(v, 0, out, 0, 32);
        int position = 32;
        while (out.length - position > 64) {
            digest.update(v, 0, 64);
            digest.doFinal(v, 0);
            System.arraycopy(v, 0, out, position, 32);
            position += 32;
        }
        Blake2bDigest last = new Blake2bDigest((out.length - position) * 8);
        last.update(v, 0, 64);
        last.doFinal(out, position);
    }

    /** Fills segments of one hash; holds the scratch blocks so a hash allocates them once. */
    private static final class Filler {

        private final long[] memory;
        private final int laneLength;
        private final int segmentLength;
        private final int lanes;
        private final int iterations;
        private final long[] r = new long[BLOCK_LONGS];
        private final long[] tmp = new long[BLOCK_LONGS];
        private final long[] zero = new long[BLOCK_LONGS];
        private final long[] input = new long[BLOCK_LONGS];
        private final long[] address = new long[BLOCK_LONGS];

        Filler(long[] memory, int laneLength, int lanes, int iterations) {
            this.memory = memory;
            this.laneLength = laneLength;
            this.segmentLength = laneLength / SYNC_POINTS;
            this.lanes = lanes;
            this.iterations = iterations;
        }

        void fillSegment(int pass, int slice, int lane) {
            boolean dataIndependent = pass == 0 && slice < SYNC_POINTS / 2;
            int start = pass == 0 && slice == 0 ? 2 : 0;
            if (dataIndependent) {
                java.util.Arrays.fill(input, 0L);
                input[0] = pass;
                input[1] = lane;
                input[2] = slice;
                input[3] = (long) laneLength * lanes;
                input[4] = iterations;
                input[5] = TYPE_ID;
                if (start != 0) {
                    nextAddresses();
                }
            }
            int current = lane * laneLength + slice * segmentLength + start;
            int previous = current % laneLength == 0 ? current + laneLength - 1 : current - 1;
            for (int index = start; index < segmentLength; index++, current++, previous++) {
                if (current % laneLength == 1) {
                    previous = current - 1;
                }
                long pseudoRandom;
                if (dataIndependent) {
                    if (index % BLOCK_LONGS == 0) {
                        nextAddresses();
                    }
                    pseudoRandom = address[index % BLOCK_LONGS];
                } else {
                    pseudoRandom = memory[previous * BLOCK_LONGS];
                }
                int refLane = pass == 0 && slice == 0 ? lane : (int) ((pseudoRandom >>> 32) % lanes);
                int refIndex = referenceIndex(pass, slice, index, pseudoRandom & 0xFFFFFFFFL, refLane == lane);
                fillBlock(memory, previous * BLOCK_LONGS, memory, (refLane * laneLength + refIndex) * BLOCK_LONGS,
                        memory, current * BLOCK_LONGS, pass != 0);
            }
        }

        private void nextAddresses() {
            input[6]++;
            fillBlock(zero, 0, input, 0, address, 0, false);
            fillBlock(zero, 0, address, 0, address, 0, false);
        }

        private int referenceIndex(int pass, int slice, int index, long pseudoRandom, boolean sameLane) {
            long areaSize;
            if (pass == 0) {
                if (slice == 0) {
                    areaSize = index - 1;
                } else if (sameLane) {
                    areaSize = (long) slice * segmentLength + index - 1;
                } else {
                    areaSize = (long) slice * segmentLength + (index == 0 ? -1 : 0);
                }
            } else {
                areaSize = laneLength - segmentLength + (sameLane ? index - 1 : (index == 0 ? -1 : 0));
            }
            long relative = (pseudoRandom * pseudoRandom) >>> 32;
            relative = areaSize - 1 - ((areaSize * relative) >>> 32);
            long start = pass == 0 || slice == SYNC_POINTS - 1 ? 0 : (long) (slice + 1) * segmentLength;
            return (int) ((start + relative) % laneLength);
        }

        /** next = G(previous, reference), XORed into next's old value from the second pass on (version 0x13). */
        private void fillBlock(long[] prevArray, int prev, long[] refArray, int ref, long[] nextArray, int next,
                boolean withXor) {
            for (int i = 0; i < BLOCK_LONGS; i++) {
                long value = prevArray[prev + i] ^ refArray[ref + i];
                r[i] = value;
                tmp[i] = withXor ? value ^ nextArray[next + i] : value;
            }
            for (int row = 0; row < 8; row++) {
                int b = row * 16;
                round(b, b + 1, b + 2, b + 3, b + 4, b + 5, b + 6, b + 7, b + 8, b + 9, b + 10, b + 11, b + 12,
                        b + 13, b + 14, b + 15);
            }
            for (int column = 0; column < 8; column++) {
                int b = column * 2;
                round(b, b + 1, b + 16, b + 17, b + 32, b + 33, b + 48, b + 49, b + 64, b + 65, b + 80, b + 81,
                        b + 96, b + 97, b + 112, b + 113);
            }
            for (int i = 0; i < BLOCK_LONGS; i++) {
                nextArray[next + i] = tmp[i] ^ r[i];
            }
        }

        private void round(int v0, int v1, int v2, int v3, int v4, int v5, int v6, int v7, int v8, int v9, int v10,
                int v11, int v12, int v13, int v14, int v15) {
            mix(v0, v4, v8, v12);
            mix(v1, v5, v9, v13);
            mix(v2, v6, v10, v14);
            mix(v3, v7, v11, v15);
            mix(v0, v5, v10, v15);
            mix(v1, v6, v11, v12);
            mix(v2, v7, v8, v13);
            mix(v3, v4, v9, v14);
        }

        /** BLAKE2b's G with the BlaMka multiplication (RFC 9106 section 3.6). */
        private void mix(int a, int b, int c, int d) {
            long[] v = r;
            v[a] = blaMka(v[a], v[b]);
            v[d] = Long.rotateRight(v[d] ^ v[a], 32);
            v[c] = blaMka(v[c], v[d]);
            v[b] = Long.rotateRight(v[b] ^ v[c], 24);
            v[a] = blaMka(v[a], v[b]);
            v[d] = Long.rotateRight(v[d] ^ v[a], 16);
            v[c] = blaMka(v[c], v[d]);
            v[b] = Long.rotateRight(v[b] ^ v[c], 63);
        }

        private static long blaMka(long x, long y) {
            return x + y + 2 * (x & 0xFFFFFFFFL) * (y & 0xFFFFFFFFL);
        }
    }

    private static void updateInt(Blake2bDigest digest, int value) {
        byte[] bytes = new byte[4];
        putInt(bytes, 0, value);
        digest.update(bytes, 0, 4);
    }

    private static void putInt(byte[] bytes, int offset, int value) {
        for (int i = 0; i < 4; i++) {
            bytes[offset + i] = (byte) (value >>> (8 * i));
        }
    }

    private static void putLong(byte[] bytes, int offset, long value) {
        for (int i = 0; i < 8; i++) {
            bytes[offset + i] = (byte) (value >>> (8 * i));
        }
    }

    private static long getLong(byte[] bytes, int offset) {
        long value = 0;
        for (int i = 7; i >= 0; i--) {
            value = (value << 8) | (bytes[offset + i] & 0xFFL);
        }
        return value;
    }
}
