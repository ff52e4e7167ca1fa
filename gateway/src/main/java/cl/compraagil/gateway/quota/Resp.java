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

    private static void writeNumber(ByteBuf out, long value) {
        out.writeCharSequence(Long.toString(value), StandardCharsets.US_ASCII);
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
            String line = in.readCharSequence(lineEnd - 1 - in.readerIndex(), StandardCharsets.UTF_8).toString();
            in.skipBytes(2);
            switch (type) {
                case '+':
                    return line;
                case '-':
                    return new Error(line);
                case ':':
                    return Long.parseLong(line);
                case '$': {
                    int length = Integer.parseInt(line);
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
                    int count = Integer.parseInt(line);
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
    }
}
