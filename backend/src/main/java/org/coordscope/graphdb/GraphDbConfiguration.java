package org.coordscope.graphdb;

import java.util.concurrent.TimeUnit;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Config;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Logging;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one {@link Driver}: to the embedded server by default, to {@code coordscope.neo4j.uri} when set. */
@Configuration(proxyBeanMethods = false)
class GraphDbConfiguration {

    @Bean(destroyMethod = "close")
    @ConditionalOnExpression("'${coordscope.neo4j.uri:}'.isBlank()")
    EmbeddedNeo4j embeddedNeo4j(Neo4jSettings settings) {
        return EmbeddedNeo4j.start(
                settings.store(), settings.boltPort(), settings.pageCache(), settings.transactionMemoryMax());
    }

    @Bean(destroyMethod = "close")
    Driver driver(Neo4jSettings settings, ObjectProvider<EmbeddedNeo4j> embedded) {
        Config config = Config.builder()
                .withLogging(Logging.slf4j())
                .withMaxTransactionRetryTime(settings.maxRetryTime().toMillis(), TimeUnit.MILLISECONDS)
                .build();
        if (settings.embedded()) {
            EmbeddedNeo4j server = embedded.getObject();
            return GraphDatabase.driver(server.boltUri(), server.authToken(), config);
        }
        AuthToken auth = settings.username() == null || settings.username().isBlank()
                ? AuthTokens.none()
                : AuthTokens.basic(settings.username(), settings.password());
        Driver driver = GraphDatabase.driver(settings.uri(), auth, config);
        return driver;
    }
}
