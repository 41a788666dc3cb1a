package io.mtlsstudio.handshake;

import io.netty.buffer.ByteBuf;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Follows one direction of a TLS connection byte by byte and reports each record (RFC 8446
 * section 5.1 framing: type, version, 16-bit length). Record boundaries do not follow socket
 * reads, so the parser keeps its position across calls. Handshake messages are named while
 * they travel in clear: all of TLS 1.2 before ChangeCipherSpec, and the ServerHello of TLS 1.3.
 */
public final class TlsRecordParser {

    private static final int HEADER = 5;
    private static final int MAX_CLEAR_BODY = 1 << 16;

    private final WireRecord.Direction direction;
    private final LongSupplier clockMicros;
    private final Consumer<WireRecord> sink;

    private final byte[] header = new byte[HEADER];
    private int headerFill;
    private int bodyRemaining;
    private long recordStartMicros;
    private ByteArrayOutputStream clearBody;

    private boolean notTls;
    private boolean encryptedFromNowOn;

    /**
     * @param direction   the direction this parser follows
     * @param clockMicros time source for record timestamps
     * @param sink        receives each complete record
     */
    public TlsRecordParser(WireRecord.Direction direction, LongSupplier clockMicros, Consumer<WireRecord> sink) {
        this.direction = direction;
        this.clockMicros = clockMicros;
        this.sink = sink;
    }

    /** Marks the rest of this direction as encrypted, as after a TLS 1.3 ServerHello. */
    public void encryptedFromNowOn() {
        encryptedFromNowOn = true;
    }

    /** Returns whether the bytes so far did not start with a TLS record header. */
    public boolean notTls() {
        return notTls;
    }

    /** Feeds the readable bytes of {@code buf} without consuming them. */
    public void feed(ByteBuf buf) {
        int index = buf.readerIndex();
        int end = buf.writerIndex();
        while (index < end && !notTls) {
            if (bodyRemaining == 0) {
                if (headerFill == 0) {
                    recordStartMicros = clockMicros.getAsLong();
                }
                header[headerFill++] = buf.getByte(index++);
                if (headerFill == HEADER) {
                    startBody();
                }
            } else {
                int take = Math.min(bodyRemaining, end - index);
                if (clearBody != null) {
                    byte[] chunk = new byte[take];
                    buf.getBytes(index, chunk);
                    clearBody.write(chunk, 0, take);
                }
                index += take;
                bodyRemaining -= take;
                if (bodyRemaining == 0) {
                    finishRecord();
                }
            }
        }
    }

    private void startBody() {
        int type = header[0] & 0xff;
        int major = header[1] & 0xff;
        if (type < 20 || type > 24 || major != 3) {
            notTls = true;
            return;
        }
        bodyRemaining = ((header[3] & 0xff) << 8) | (header[4] & 0xff);
        boolean readable = !encryptedFromNowOn && (type == 21 || type == 22) && bodyRemaining <= MAX_CLEAR_BODY;
        clearBody = readable ? new ByteArrayOutputStream(bodyRemaining) : null;
        if (bodyRemaining == 0) {
            finishRecord();
        }
    }

    private void finishRecord() {
        int type = header[0] & 0xff;
        int version = ((header[1] & 0xff) << 8) | (header[2] & 0xff);
        int length = ((header[3] & 0xff) << 8) | (header[4] & 0xff);
        byte[] body = clearBody == null ? null : clearBody.toByteArray();
        headerFill = 0;
        clearBody = null;

        List<String> messages = new ArrayList<>();
        String alert = null;
        // A ChangeCipherSpec record is always in clear, also in TLS 1.3 where it only eases middleboxes.
        boolean encrypted = (encryptedFromNowOn && type != 20) || type == 23;
        if (body != null && type == 22) {
            messages.addAll(handshakeMessages(body));
        } else if (body != null && type == 21 && body.length == 2) {
            alert = ((body[0] & 0xff) == 2 ? "fatal " : "warning ") + PeerBytes.alertName(body[1] & 0xff);
        } else if (body != null && type == 21) {
            encrypted = true;
        }
        if (type == 20) {
            // After ChangeCipherSpec every record of this direction is protected (TLS 1.2 Finished included).
            encryptedFromNowOn = true;
        }
        if (messages.contains("ServerHello") && isTls13ServerHello(body)) {
            encryptedFromNowOn = true;
        }
        sink.accept(new WireRecord(direction, recordStartMicros, type, version, length, messages, encrypted, alert));
    }

    private static List<String> handshakeMessages(byte[] body) {
        List<String> names = new ArrayList<>();
        int offset = 0;
        while (offset + 4 <= body.length) {
            int type = body[offset] & 0xff;
            int length = ((body[offset + 1] & 0xff) << 16) | ((body[offset + 2] & 0xff) << 8) | (body[offset + 3] & 0xff);
            names.add(handshakeName(type));
            offset += 4 + length;
        }
        return names;
    }

    /** Detects the supported_versions extension (43) selecting TLS 1.3 in a ServerHello. */
    private static boolean isTls13ServerHello(byte[] body) {
        if (body == null || body.length < 4 || (body[0] & 0xff) != 2) {
            return false;
        }
        // ServerHello: version(2) random(32) session_id(1+n) cipher(2) compression(1) extensions(2+...)
        int offset = 4 + 2 + 32;
        if (offset >= body.length) {
            return false;
        }
        offset += 1 + (body[offset] & 0xff) + 2 + 1;
        if (offset + 2 > body.length) {
            return false;
        }
        int extensionsEnd = offset + 2 + (((body[offset] & 0xff) << 8) | (body[offset + 1] & 0xff));
        offset += 2;
        while (offset + 4 <= Math.min(extensionsEnd, body.length)) {
            int type = ((body[offset] & 0xff) << 8) | (body[offset + 1] & 0xff);
            int length = ((body[offset + 2] & 0xff) << 8) | (body[offset + 3] & 0xff);
            if (type == 43 && length == 2 && offset + 6 <= body.length) {
                return (body[offset + 4] & 0xff) == 3 && (body[offset + 5] & 0xff) == 4;
            }
            offset += 4 + length;
        }
        return false;
    }

    static String handshakeName(int type) {
        return switch (type) {
            case 0 -> "HelloRequest";
            case 1 -> "ClientHello";
            case 2 -> "ServerHello";
            case 4 -> "NewSessionTicket";
            case 5 -> "EndOfEarlyData";
            case 8 -> "EncryptedExtensions";
            case 11 -> "Certificate";
            case 12 -> "ServerKeyExchange";
            case 13 -> "CertificateRequest";
            case 14 -> "ServerHelloDone";
            case 15 -> "CertificateVerify";
            case 16 -> "ClientKeyExchange";
            case 20 -> "Finished";
            case 24 -> "KeyUpdate";
            default -> "handshake type " + type;
        };
    }
}
