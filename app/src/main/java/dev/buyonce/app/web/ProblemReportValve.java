package dev.buyonce.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.MediaType;

/**
 * Tomcat's own answers (a request line or header it cannot parse, a header over the limit, an encoded slash in
 * the path, an unsupported HTTP version) never reach Spring; this valve writes them as problems with a
 * {@code code}, in place of the container's HTML page. Registered on the host by {@link WebConfiguration}.
 */
class ProblemReportValve extends ErrorReportValve {
    private final ObjectMapper mapper;

    ProblemReportValve(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        // the same guard as the HTML report's: only an error, only once, never over an answer already written
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(mapper.writeValueAsString(Problems.of(status, Problems.codeFor(status),
                        Problems.detailFor(status, response.getMessage()))));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone, or the response cannot take a body: nothing more to tell anyone
        }
    }
}
