package cl.compraagil.gateway.quota;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The Redis protocol (RESP2) as far as the limiter speaks it: commands written as arrays of bulk strings,
 * replies read as {@link Long}, {@link String}, {@code null}, {@link List} or {@link Error}.
 */
final class Resp {

    private static final byte[] CRLF = {'\r', '\n'};

    private Resp() {
    }

    /** An error reply ({@code -ERR ...}, {@code -NOSCRIPT ...}): the command failed, the connection is fine. */
    record Error(String message) {

        boolean noScript() {
            return message.startsWith("NOSCRIPT");
        }
    }

    /** Encodes one command; every part is sent as a bulk string. */
    static ByteBuf command(ByteBufAllocator allocator, List<String> parts) {
        ByteBuf out = allocator.ioBuffer(32 + 24 * parts.size());
        out.writeByte('*');
        writeNumber(out, parts.size());
        for (String part : parts) {
            out.writeByte('$');
            writeNumber(out, ByteBufUtil.utf8Bytes(part));
            out.writeCharSequence(part, StandardCharsets.UTF_8);
            out.writeBytes(CRLF);
        }
        return out;
    }

    /** A count or a length (never negative) in decimal, then CRLF: digits written in place, with no string. */
    private static void writeNumber(ByteBuf out, int value) {
        int digits = 1;
        for (int rest = value; rest >= 10; rest /= 10) {
            digits++;
        }
        out.ensureWritable(digits + CRLF.length);
        int at = out.writerIndex();
        int rest = value;
        for (int i = digits - 1; i >= 0; i--) {
            out.setByte(at + i, '0' + rest % 10);
            rest /= 10;
        }
        out.writerIndex(at + digits);
        out.writeBytes(CRLF);
    }

    /** Splits the byte stream into replies; a reply split across reads waits for the rest. */
    static final class Decoder extends ByteToMessageDecoder {

        /** Marks a reply that has not fully arrived. */
        private static final Object INCOMPLETE = new Object();
        /** Decoded null bulk string or null array, which a handler cannot receive as a message. */
        static final Object NIL = new Object();

        @Override
        protected void decode(ChannelHandlerContext context, ByteBuf in, List<Object> out) {
            while (in.isReadable()) {
                int start = in.readerIndex();
                Object reply = read(in);
                if (reply == INCOMPLETE) {
                    in.readerIndex(start);
                    return;
                }
                out.add(reply == null ? NIL : reply);
            }
        }

        private static Object read(ByteBuf in) {
            int lineEnd = in.indexOf(in.readerIndex(), in.writerIndex(), (byte) '\n');
            if (lineEnd < 0) {
                return INCOMPLETE;
            }
            byte type = in.readByte();
            int lineStart = in.readerIndex();
            int lineLength = lineEnd - 1 - lineStart;
            in.readerIndex(lineEnd + 1);
            switch (type) {
                case '+':
                    return in.toString(lineStart, lineLength, StandardCharsets.UTF_8);
                case '-':
                    return new Error(in.toString(lineStart, lineLength, StandardCharsets.UTF_8));
                case ':':
                    return number(in, lineStart, lineLength);
                case '$': {
                    int length = Math.toIntExact(number(in, lineStart, lineLength));
                    if (length < 0) {
                        return null;
                    }
                    if (in.readableBytes() < length + 2) {
                        return INCOMPLETE;
                    }
                    String value = in.readCharSequence(length, StandardCharsets.UTF_8).toString();
                    in.skipBytes(2);
                    return value;
                }
                case '*': {
                    int count = Math.toIntExact(number(in, lineStart, lineLength));
                    if (count < 0) {
                        return null;
                    }
                    List<Object> values = new ArrayList<>(count);
                    for (int i = 0; i < count; i++) {
                        Object value = read(in);
                        if (value == INCOMPLETE) {
                            return INCOMPLETE;
                        }
                        values.add(value);
                    }
                    return values;
                }
                default:
                    throw new IllegalStateException("Unexpected Redis reply type '" + (char) type + "'");
            }
        }

        /** The decimal integer (optionally negative) of a reply line, read from its bytes, with no string. */
        private static long number(ByteBuf in, int start, int length) {
            boolean negative = length > 0 && in.getByte(start) == '-';
            int first = negative ? 1 : 0;
            if (length <= first || length - first > 18) {
                throw unreadable(in, start, length);
            }
            long value = 0;
            for (int i = first; i < length; i++) {
                int digit = in.getByte(start + i) - '0';
                if (digit < 0 || digit > 9) {
                    throw unreadable(in, start, length);
                }
                value = value * 10 + digit;
            }
            return negative ? -value : value;
        }

        private static IllegalStateException unreadable(ByteBuf in, int start, int length) {
            return new IllegalStateException("Unreadable number in a Redis reply: "
                    + in.toString(start, Math.max(length, 0), StandardCharsets.US_ASCII));
        }
    }
}
