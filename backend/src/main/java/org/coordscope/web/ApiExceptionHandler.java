package org.coordscope.web;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Errors as RFC 9457 problem details with a message saying what to do; never a stack trace. Wrong fields come back
 * as {@code errors: [{field, message}]}; an unexpected failure is logged with an id the answer repeats.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    /** A wrong field: its name (dotted for nested ones, e.g. {@code params.limit}) and what is wrong with it. */
    record FieldError(String field, String message) {}

    private final String uploadLimit;

    ApiExceptionHandler(@Value("${spring.servlet.multipart.max-request-size:}") String uploadLimit) {
        this.uploadLimit = uploadLimit;
    }

    @ExceptionHandler(InvalidFieldException.class)
    ProblemDetail invalidField(InvalidFieldException e) {
        return withErrors(e.getMessage(), List.of(new FieldError(e.field(), e.getMessage())));
    }

    @ExceptionHandler({IllegalArgumentException.class, BadRequestException.class})
    ProblemDetail badRequest(RuntimeException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(ConflictException.class)
    ProblemDetail conflict(ConflictException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(UnsupportedMediaException.class)
    ProblemDetail unsupported(UnsupportedMediaException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE, e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        if (DatabaseUnavailable.reason(e).isPresent()) {
            log.warn("Request failed: the database is not available", e);
            return ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, DatabaseUnavailable.detail(e));
        }
        String id = UUID.randomUUID().toString().substring(0, 8);
        log.error("Request failed (error id {})", id, e);
        ProblemDetail p = ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "The server could not answer this request (" + e.getClass().getSimpleName() + "). It has been logged"
                        + " with error id " + id + "; try again, and report the id if it persists.");
        p.setProperty("errorId", id);
        return p;
    }

    /** {@code @Valid} bodies: one entry per wrong field. */
    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = new ArrayList<>();
        e.getBindingResult()
                .getFieldErrors()
                .forEach(f -> errors.add(new FieldError(f.getField(), f.getDefaultMessage())));
        e.getBindingResult()
                .getGlobalErrors()
                .forEach(g -> errors.add(new FieldError(g.getObjectName(), g.getDefaultMessage())));
        String detail = "The request body has "
                + (errors.size() == 1 ? "a wrong field: " : errors.size() + " wrong fields: ")
                + String.join(
                        "; ",
                        errors.stream().map(f -> f.field() + " " + f.message()).toList()) + ".";
        return ResponseEntity.badRequest().body(withErrors(detail, errors));
    }

    /** Unreadable JSON, a value of the wrong type, or a value a request record's constructor refused. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InvalidFieldException f) {
                return ResponseEntity.badRequest().body(invalidField(f));
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IllegalArgumentException iae && !(t instanceof JsonMappingException)) {
                return ResponseEntity.badRequest()
                        .body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, iae.getMessage()));
            }
        }
        if (e.getCause() instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
            String field = path(m);
            String expected = m.getTargetType() == null ? "another type" : typeName(m.getTargetType());
            String got = m instanceof InvalidFormatException f ? " (got " + f.getValue() + ")" : "";
            String message = "must be " + expected + got;
            return ResponseEntity.badRequest()
                    .body(withErrors(field + " " + message + ".", List.of(new FieldError(field, message))));
        }
        return ResponseEntity.badRequest()
                .body(ProblemDetail.forStatusAndDetail(
                        HttpStatus.BAD_REQUEST,
                        "The request body is not valid JSON of the expected shape: check its syntax and the API description"
                                + " (/swagger-ui.html)."));
    }

    /** An upload over the limit: 413 naming the limit and what to do. */
    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
            MaxUploadSizeExceededException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(
                HttpStatus.PAYLOAD_TOO_LARGE,
                "The upload is larger than"
                        + " this server accepts (" + uploadLimit
                        + " per request). Split the files into several imports,"
                        + " compress them (.gz or .zip), import them with the command line ('import' verb), or ask the"
                        + " administrator to raise coordscope.upload.max-size.");
        p.setProperty("limit", uploadLimit);
        return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(p);
    }

    private static ProblemDetail withErrors(String detail, List<FieldError> errors) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail);
        p.setProperty("errors", errors);
        return p;
    }

    private static String path(JsonMappingException e) {
        StringBuilder b = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                b.append(b.isEmpty() ? "" : ".").append(r.getFieldName());
            } else {
                b.append('[').append(r.getIndex()).append(']');
            }
        }
        return b.toString();
    }

    private static String typeName(Class<?> type) {
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type)) {
            return "an object";
        }
        return "a " + type.getSimpleName();
    }
}
