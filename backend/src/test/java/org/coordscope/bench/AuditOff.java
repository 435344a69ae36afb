package org.coordscope.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.Map;
import org.coordscope.security.AuditEntry;
import org.coordscope.security.AuditLog;
import org.neo4j.driver.Driver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Profile;

/**
 * For the benchmark only (test class path, never in the application's jar): under the profile {@value #PROFILE},
 * a server whose audit trail records nothing, so that the load test can compare saved queries with the audit on and
 * off (issue 18). Inert in every other run: the profile is set only by the harness's second server.
 */
@Configuration
@Profile(AuditOff.PROFILE)
public class AuditOff {

    public static final String PROFILE = "bench-audit-off";

    @Bean
    @Primary
    AuditLog unrecordedAuditLog(Driver driver, ObjectMapper json) {
        return new AuditLog(driver, json) {
            @Override
            public AuditEntry record(String actor, String action, String target, Map<String, Object> details) {
                return new AuditEntry(0, Instant.now().toString(), actor, action, target, details);
            }
        };
    }
}
