package org.coordscope.web;

import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Lets ids with a slash travel in a path segment: the archive's hashed account ids ({@code +Ab/cd==}) and
 * cluster ids ({@code 20240101-120000/3}) arrive as {@code %2F}. Tomcat answers 400 to {@code %2F} by default;
 * here it passes it through undecoded, so Spring MVC's {@code PathPatternParser} (the default matcher) splits the
 * path on real slashes only and decodes each segment into the {@code @PathVariable}. Spring Boot has no property
 * for this (it has one for Undertow only), hence the customizer.
 */
@Component
class EncodedSlashes implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addConnectorCustomizers(
                connector -> connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue()));
    }
}
