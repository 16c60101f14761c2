package dev.buyonce.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The container's error page ({@code /error}, where a {@code sendError} from a filter or the container ends up)
 * answers a problem with a {@code code} too, in place of Spring Boot's {@code {"timestamp","error","path"}}.
 * It does not log: an exception that escaped the servlet was already logged, once, by the container.
 */
@RestController
class ProblemErrorController implements ErrorController {
    private final ObjectMapper mapper;

    ProblemErrorController(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    @RequestMapping("${server.error.path:${error.path:/error}}")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // asked for directly, /error is a resource like any other: there is none
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer given && given >= 400 ? given : 404;
        Object message = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
        Problems.write(mapper, response, Problems.of(status, Problems.codeFor(status),
                Problems.detailFor(status, message == null ? null : message.toString())));
    }
}
