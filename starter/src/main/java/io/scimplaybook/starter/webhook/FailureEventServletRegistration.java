package io.scimplaybook.starter.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Mounts the webhook servlet on its one path beside Spring MVC's dispatcher (which keeps serving actuator and
 * errors). Filters such as the HTTP metrics observation still wrap it.
 */
@Configuration(proxyBeanMethods = false)
class FailureEventServletRegistration {

  @Bean
  ServletRegistrationBean<FailureEventServlet> failureEventServlet(FailureEventParser parser, PlaybookStarter starter,
      WebhookAuthenticator authenticator, WebhookProperties webhook, ObjectMapper mapper, WebhookMetrics metrics) {
    // Spring Boot's ObjectMapper, so the answers are written exactly as the MVC converters wrote them before.
    FailureEventServlet servlet = new FailureEventServlet(parser, starter, authenticator, webhook, mapper.writer(),
        metrics);
    ServletRegistrationBean<FailureEventServlet> registration =
        new ServletRegistrationBean<>(servlet, FailureEventServlet.PATH);
    registration.setName("failureEventWebhook");
    // Initialised with the server, so the first webhook request does not pay for it.
    registration.setLoadOnStartup(1);
    // The body is read with a ReadListener: a sender trickling its body holds no request thread while it waits.
    registration.setAsyncSupported(true);
    return registration;
  }
}
