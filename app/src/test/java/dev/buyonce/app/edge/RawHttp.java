package dev.buyonce.app.edge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * HTTP/1.1 written by hand over a socket, so a test can send any byte a client could: non-ASCII and control
 * characters in headers, a path the JDK client would refuse, headers over the limit. One connection per
 * request ({@code Connection: close}); an event stream is not read past its headers.
 */
final class RawHttp {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Answer(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase());
        }

        JsonNode json() {
            return RawHttp.json(body);
        }
    }

    /** The body as JSON, or a missing node when it is none. */
    static JsonNode json(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.missingNode();
        }
    }

    private RawHttp() {
    }

    /**
     * {@code head} is the request line and header lines (ISO-8859-1: each char one byte), without the blank line;
     * a {@code Host} header is added unless it has one.
     */
    static Answer send(int port, String head, byte[] body) {
        if (!head.contains("\r\nHost:")) {
            int end = head.indexOf("\r\n");
            head = end < 0 ? head + "\r\nHost: 127.0.0.1" : head.substring(0, end) + "\r\nHost: 127.0.0.1" + head.substring(end);
        }
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            String lengthAndClose = (body.length > 0 ? "\r\nContent-Length: " + body.length : "") + "\r\nConnection: close\r\n\r\n";
            try {
                OutputStream out = socket.getOutputStream();
                out.write((head + lengthAndClose).getBytes(StandardCharsets.ISO_8859_1));
                out.write(body);
                out.flush();
            } catch (IOException e) {
                // the server may answer and close before reading everything (a header over its limit): read the answer
            }
            return read(socket.getInputStream());
        } catch (IOException | RuntimeException e) {
            return new Answer(-1, Map.of(), "no answer to " + firstLine(head) + ": " + e);
        }
    }

    private static Answer read(InputStream in) throws IOException {
        String statusLine = line(in);
        if (statusLine == null) {
            throw new IOException("the connection closed without an answer");
        }
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            headers.merge(line.substring(0, colon).trim().toLowerCase(), line.substring(colon + 1).trim(), (a, b) -> a + "," + b);
        }
        if (headers.getOrDefault("content-type", "").startsWith("text/event-stream")) {
            return new Answer(status, headers, "");
        }
        byte[] body;
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            ByteArrayOutputStream chunks = new ByteArrayOutputStream();
            for (int size = Integer.parseInt(line(in).split(";")[0].trim(), 16); size > 0;
                 size = Integer.parseInt(line(in).split(";")[0].trim(), 16)) {
                chunks.write(in.readNBytes(size));
                line(in);
            }
            body = chunks.toByteArray();
        } else if (headers.containsKey("content-length")) {
            body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
        } else {
            body = readToEnd(in);
        }
        return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] readToEnd(InputStream in) throws IOException {
        try {
            return in.readAllBytes();
        } catch (SocketTimeoutException e) {
            return new byte[0];
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    private static String firstLine(String head) {
        int end = head.indexOf('\r');
        String line = end < 0 ? head : head.substring(0, end);
        return line.length() > 120 ? line.substring(0, 120) + "..." : line;
    }
}
