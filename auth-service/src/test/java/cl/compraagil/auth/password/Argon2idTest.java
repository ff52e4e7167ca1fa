package cl.compraagil.auth.password;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.Test;

class Argon2idTest {

    @Test
    void reproducesTheArgon2idTestVectorOfRfc9106() {
        byte[] password = filled(32, 0x01);
        byte[] salt = filled(16, 0x02);
        byte[] secret = filled(8, 0x03);
        byte[] associated = filled(12, 0x04);

        byte[] tag = Argon2id.hash(password, salt, secret, associated, 32, 3, 4, 32, new long[Argon2id.memoryLongs(32, 4)]);

        assertThat(HexFormat.of().formatHex(tag))
                .isEqualTo("0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659");
    }

    @Test
    void agreesWithBouncyCastleOnManyParameterSetsWhileReusingItsMemory() {
        Random random = new Random(20261126);
        long[] memory = new long[Argon2id.memoryLongs(8 * 4 + 400, 1)];
        for (int run = 0; run < 60; run++) {
            int lanes = 1 + random.nextInt(4);
            int memoryKib = 8 * lanes + random.nextInt(400);
            int iterations = 1 + random.nextInt(3);
            int tagLength = 4 + random.nextInt(120);
            byte[] password = bytes(random, random.nextInt(40));
            byte[] salt = bytes(random, 8 + random.nextInt(24));

            byte[] ours = Argon2id.hash(password, salt, null, null, memoryKib, iterations, lanes, tagLength, memory);

            assertThat(ours).as("m=%d t=%d p=%d tag=%d", memoryKib, iterations, lanes, tagLength)
                    .isEqualTo(bouncyCastle(password, salt, memoryKib, iterations, lanes, tagLength));
        }
        assertThat(Arrays.stream(memory).allMatch(word -> word == 0)).as("memory wiped after use").isTrue();
    }

    private static byte[] bouncyCastle(byte[] password, byte[] salt, int memoryKib, int iterations, int lanes, int tagLength) {
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(salt).withMemoryAsKB(memoryKib).withIterations(iterations).withParallelism(lanes).build());
        byte[] tag = new byte[tagLength];
        generator.generateBytes(password, tag);
        return tag;
    }

    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }

    private static byte[] bytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
