package dev.amldebug.runner.testing;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32;

/** The CRC-32 texts the shim's aml_debug_fingerprint prints, computed here to compare with. */
public final class Crc {
    private Crc() {
    }

    /** Of float32 values as a little-endian machine holds them: {@code 5fb65d26}. */
    public static String ofFloats(float... values) {
        ByteBuffer bytes = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (float value : values) {
            bytes.putFloat(value);
        }
        return of(bytes.array());
    }

    public static String of(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return String.format("%08x", crc.getValue());
    }

    /** {@code count} times {@code value}. */
    public static float[] filled(int count, float value) {
        float[] values = new float[count];
        java.util.Arrays.fill(values, value);
        return values;
    }
}
